package org.custodian.it.servers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.custodian.it.EmbeddedPostgresSession;

/**
 * What a WildFly killed in the middle of a job leaves in JBeret's repository: an execution and its step STARTED.
 * Written with JBeret's own DDL (from the server's jberet-core jar, "create table if not exists", so whether JBeret
 * or this came first does not matter) into the schema configure-custodian.cli gives it.
 */
final class JBeretOrphan {

    private JBeretOrphan() {
    }

    static long plant(Path wildflyHome, String jobName) throws Exception {
        try (Connection connection = EmbeddedPostgresSession.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists jberet");
            statement.execute("set search_path to jberet");
            for (String ddl : ddl(wildflyHome).split("!!")) {
                if (!ddl.isBlank()) {
                    statement.execute(ddl);
                }
            }
            long instance = insert(connection, "insert into job_instance (version, jobname, applicationname)"
                    + " values (1, ?, 'custodian') returning jobinstanceid", jobName);
            long execution = insert(connection, "insert into job_execution (jobinstanceid, version, createtime,"
                    + " starttime, lastupdatedtime, batchstatus) values (" + instance + ", 1, now(), now(), now(),"
                    + " 'STARTED') returning jobexecutionid", null);
            insert(connection, "insert into step_execution (jobexecutionid, version, stepname, starttime, batchstatus)"
                    + " values (" + execution + ", 1, 'verify-sets', now(), 'STARTED') returning stepexecutionid", null);
            statement.execute("set search_path to public");
            return execution;
        }
    }

    static String status(long execution) throws SQLException {
        try (Connection connection = EmbeddedPostgresSession.connect();
                PreparedStatement select = connection.prepareStatement(
                        "select batchstatus from jberet.job_execution where jobexecutionid = ?")) {
            select.setLong(1, execution);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static long insert(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            if (parameter != null) {
                insert.setString(1, parameter);
            }
            try (ResultSet key = insert.executeQuery()) {
                key.next();
                return key.getLong(1);
            }
        }
    }

    private static String ddl(Path wildflyHome) throws IOException {
        Path folder = wildflyHome.resolve("modules/system/layers/base/org/jberet/jberet-core/main");
        try (Stream<Path> jars = Files.list(folder)) {
            Path jar = jars.filter(path -> path.getFileName().toString().endsWith(".jar")).findFirst().orElseThrow();
            try (JarFile file = new JarFile(jar.toFile());
                    InputStream in = file.getInputStream(file.getEntry("sql/jberet-postgresql.ddl"))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
