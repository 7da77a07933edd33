package org.custodian.it;

import java.io.IOException;
import java.util.List;

/**
 * Payara Micro's options for two nodes of one data grid on this host (#26): a cluster name of the run's own (other
 * Payara Micro processes on the machine never join it), discovery by TCP between the two grid ports on the loopback
 * interface, and no host-aware partitioning (by default Payara keeps no backup of a member's data on a member of
 * the same address: on one host a killed node's sessions would have no copy).
 */
record DataGrid(String name, int firstPort, int secondPort) {

    static DataGrid ofTwo() throws IOException {
        return new DataGrid("custodian-it-" + Long.toHexString(System.nanoTime()), RunnableServer.freePort(),
                RunnableServer.freePort());
    }

    /** The options of the first (0) or second (1) node. */
    List<String> options(int node) {
        return List.of("--clustername", name, "--clustermode", "tcpip:127.0.0.1:" + firstPort + ",127.0.0.1:"
                + secondPort, "--startport", String.valueOf(node == 0 ? firstPort : secondPort), "--interfaces",
                "127.0.0.1", "--nohostaware");
    }
}
