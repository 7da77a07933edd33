/** Customers, the data subjects of the help desk, and the residency regions they belong to. */
package org.custodian.domain.model.customer;
