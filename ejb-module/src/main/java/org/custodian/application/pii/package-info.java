/**
 * PII detection as a service: scanning for integrators and the redaction that keeps card numbers
 * and secrets out of the database.
 */
package org.custodian.application.pii;
