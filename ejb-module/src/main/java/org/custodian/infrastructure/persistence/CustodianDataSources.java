package org.custodian.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.custodian.application.shared.CustodianDatabase;

/**
 * Finds the server's {@code jdbc/custodian}. Payara binds it under that global name; WildFly has no global names
 * without a {@code java:} prefix (there {@code @Resource(lookup = "jdbc/custodian")} means
 * {@code java:comp/env/jdbc/custodian}) and reads persistence.xml's {@code jdbc/custodian} as
 * {@code java:/jdbc/custodian}, where its configuration binds the datasource. So the names are tried in that order,
 * the same datasource that JPA uses, and a server that binds neither fails the deployment naming both.
 */
@ApplicationScoped
public class CustodianDataSources {

    private static final Logger LOG = Logger.getLogger(CustodianDataSources.class.getName());

    /** WildFly's reading of persistence.xml's name first, then the global name of Payara (Server and Micro). */
    static final List<String> NAMES = List.of("java:/jdbc/custodian", "jdbc/custodian");

    private volatile DataSource found;

    @Produces
    @CustodianDatabase
    DataSource custodianDataSource() {
        DataSource dataSource = found;
        if (dataSource == null) {
            dataSource = lookup();
            found = dataSource;
        }
        return dataSource;
    }

    private static DataSource lookup() {
        List<String> failures = new ArrayList<>();
        for (String name : NAMES) {
            try {
                Object bound = InitialContext.doLookup(name);
                if (bound instanceof DataSource dataSource) {
                    LOG.fine(() -> "The Custodian database is " + name);
                    return dataSource;
                }
                failures.add(name + ": bound to " + (bound == null ? "null" : bound.getClass().getName()));
            } catch (NamingException | RuntimeException e) {
                failures.add(name + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
            }
        }
        throw new IllegalStateException("the server binds no Custodian datasource (jdbc/custodian) under any of "
                + NAMES + ": " + failures + "; see docs/deploy.md for each server's configuration");
    }
}
