/** Registering and reading customers, always through policy and audit. */
package org.custodian.application.customer;
