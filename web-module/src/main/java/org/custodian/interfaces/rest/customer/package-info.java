/** /api/v1/customers */
package org.custodian.interfaces.rest.customer;
