/**
 * Attachment crypto (#24): OpenPGP symmetric messages under per-customer data keys, the data keys wrapped by the
 * installation's master key, and the chunked streams the ciphertext is written and read through.
 */
package org.custodian.infrastructure.attachment;
