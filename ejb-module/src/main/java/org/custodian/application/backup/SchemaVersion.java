package org.custodian.application.backup;

/** The database schema's version as migrated now: an incremental may only build on a set of the same version. */
public interface SchemaVersion {

    String current();
}
