/**
 * Access policy: roles to permissions and region isolation. The single decision point that the
 * API, the portal, exports and jobs all consult.
 */
package org.custodian.application.policy;
