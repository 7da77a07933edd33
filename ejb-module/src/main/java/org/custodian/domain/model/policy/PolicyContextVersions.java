package org.custodian.domain.model.policy;

/**
 * The version of what access contexts are built from: the classification catalog, the visibility matrix, the transfer
 * rules and the active processing restrictions. The database changes it in the transaction of every change to them
 * (triggers), so two reads that return the same value saw the same data, on any node.
 */
public interface PolicyContextVersions {

    /** The version committed now (or written by the caller's own transaction). */
    String current();
}
