/** /api/v1/audit: verification of the trail. */
package org.custodian.interfaces.rest.audit;
