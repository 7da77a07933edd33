/** /api/v1/pii/scan: PII detection for integrators. */
package org.custodian.interfaces.rest.pii;
