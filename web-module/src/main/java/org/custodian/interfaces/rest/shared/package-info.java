/** What every resource shares: the caller from the token, request ids, and problem+json errors. */
package org.custodian.interfaces.rest.shared;
