package org.custodian.interfaces.health;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.custodian.application.cluster.ClusterNode;
import org.custodian.domain.model.cluster.ClusterMember;
import org.custodian.domain.model.cluster.TaskLease;
import org.custodian.interfaces.health.probe.ClusterReadiness;
import org.custodian.interfaces.health.probe.HealthProbes;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Cluster membership as the shared database sees it (#26): this node, every node with its last heartbeat and lease,
 * and which node holds which scheduled task. DOWN only when the database cannot be asked; a peer that is gone is
 * reported (alive=false) and its tasks move by themselves. The number of live nodes is the gauge
 * {@code custodian_cluster_nodes}.
 */
@ApplicationScoped
public class ClusterHealthCheck {

    @EJB
    ClusterNode cluster;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        HealthProbes.register(ClusterReadiness.NAME, this::call);
        Gauges.register("custodian_cluster_nodes", "Nodes whose lease in the database is alive", this,
                check -> check.cluster.membership().nodes().stream().filter(ClusterMember::alive).count());
    }

    @PreDestroy
    void unregister() {
        HealthProbes.unregister(ClusterReadiness.NAME);
    }

    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(ClusterReadiness.NAME);
        try {
            ClusterNode.Membership membership = cluster.membership();
            Map<UUID, String> names = membership.nodes().stream().collect(Collectors.toMap(ClusterMember::id,
                    ClusterMember::name, (a, b) -> a));
            response.up().withData("self", cluster.name() + " " + membership.self())
                    .withData("lease", cluster.lease().toString())
                    .withData("nodesAlive", membership.nodes().stream().filter(ClusterMember::alive).count());
            for (ClusterMember node : membership.nodes()) {
                response.withData("node." + node.name() + "." + node.id(), (node.alive() ? "alive" : "gone")
                        + ", started " + node.startedAt() + ", last heartbeat " + node.heartbeatAt() + ", lease until "
                        + node.leaseUntil());
            }
            for (TaskLease task : membership.tasks()) {
                response.withData("timer." + task.task(), names.getOrDefault(task.nodeId(), "(gone)") + " "
                        + task.nodeId() + " since " + task.acquiredAt());
            }
            return response.build();
        } catch (RuntimeException e) {
            return response.down().withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
