/**
 * Two or more nodes over one database (#26): this node's identity and lease ({@link
 * org.custodian.application.cluster.ClusterNode}), through which every scheduled task runs on one node at a time
 * (TimerWatchdog asks it) and a job execution is failed as an orphan only when its node is gone.
 */
package org.custodian.application.cluster;
