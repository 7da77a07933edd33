/**
 * The nodes of a cluster as the shared database knows them (#26): each running node's lease, which node runs each
 * scheduled task, and which node runs each job execution. Liveness is a lease in the database, nothing more.
 */
package org.custodian.domain.model.cluster;
