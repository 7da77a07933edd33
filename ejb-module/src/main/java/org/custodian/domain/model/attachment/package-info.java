/** Attachments of tickets, encrypted under their data subject's key (#24). */
package org.custodian.domain.model.attachment;
