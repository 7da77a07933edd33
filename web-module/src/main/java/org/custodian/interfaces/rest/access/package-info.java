/** REST API of contractor grants, break-glass overrides and notifications. */
package org.custodian.interfaces.rest.access;
