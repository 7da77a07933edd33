/**
 * Detection and masking of personal and secret data in free ticket text (descriptions and comment bodies):
 * card numbers (Luhn and issuer ranges), US social security numbers, IBANs (length table and mod-97), e-mail
 * addresses, phone numbers, and credentials such as cloud keys, tokens, private key blocks and
 * {@code password: value} pairs. Everything runs locally in plain Java without new libraries; {@link
 * org.custodian.domain.model.pii.PiiDetector} reports spans as UTF-16 offsets and {@link
 * org.custodian.domain.model.pii.PiiMasker} turns them into a safe-to-show form.
 */
package org.custodian.domain.model.pii;
