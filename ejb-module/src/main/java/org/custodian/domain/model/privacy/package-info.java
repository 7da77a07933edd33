/** Facts about the processing itself (volumes of subjects and records), for the records of processing and DPIAs. */
package org.custodian.domain.model.privacy;
