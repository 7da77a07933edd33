/** REST API of retention policies, the purge preview and legal holds. */
package org.custodian.interfaces.rest.retention;
