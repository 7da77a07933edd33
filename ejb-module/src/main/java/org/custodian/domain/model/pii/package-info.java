/**
 * Detection and masking of personal and secret data in free ticket text (descriptions and comment bodies):
 * card numbers (Luhn, any brand), US social security numbers, IBANs (length table and mod-97), e-mail
 * addresses, phone numbers, and credentials such as cloud keys, tokens, private key blocks and
 * {@code password: value} pairs. Everything runs locally in plain Java without new libraries; {@link
 * org.custodian.domain.model.pii.PiiDetector} reports spans as UTF-16 offsets and {@link
 * org.custodian.domain.model.pii.PiiMasker} turns them into a safe-to-show form. Behind the detector's single pass,
 * each type has its own package-private recognizer ({@code CreditCardRecognizer}, {@code SsnRecognizer}, {@code
 * IbanRecognizer}, {@code EmailRecognizer}, {@code PhoneRecognizer}, {@code SecretRecognizer}) sharing the character
 * tests of {@code PiiText}, and all read the text's {@code NormalizedText}: digits of any script, any kind of space
 * and full-width forms read as ASCII, so separators and look-alike digits cannot hide a number.
 */
package org.custodian.domain.model.pii;
