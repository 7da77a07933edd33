/**
 * Data subject requests and their register (state, due dates, the subject's records), and facts about the
 * processing itself (volumes of subjects and records) for the records of processing and DPIAs.
 */
package org.custodian.domain.model.privacy;
