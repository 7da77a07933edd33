/**
 * Privacy accountability: the records of processing (GDPR Art. 30) and the inputs of a data protection impact
 * assessment, drawn from the live classification catalog, visibility matrix, transfer rules and retention
 * policies, so they never drift from what the system actually does.
 */
package org.custodian.application.privacy;
