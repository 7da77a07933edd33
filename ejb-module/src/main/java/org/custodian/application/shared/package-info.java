/** What every application service shares: the caller, paging, and the failures callers can act on. */
package org.custodian.application.shared;
