/** REST resources of backups: the catalog and on-demand backups. */
package org.custodian.interfaces.rest.backup;
