/** REST API of the policy: the classification catalog, the visibility matrix, their history, transfer rules. */
package org.custodian.interfaces.rest.policy;
