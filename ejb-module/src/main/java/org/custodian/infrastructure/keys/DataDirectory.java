package org.custodian.infrastructure.keys;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where this installation keeps its own files (generated keys): {@code CUSTODIAN_DATA_DIR} (or the system property
 * {@code custodian.data-dir}) when set; else the application server's own data directory (WildFly:
 * {@code jboss.server.data.dir/custodian}; Payara Server: {@code <domain>/data/custodian}); else {@code ./data},
 * the directory the runnable jar is started in. Payara Micro's instance root is a temporary directory, so it does
 * not count as a server data directory.
 */
public final class DataDirectory {

    static final String PROPERTY = "custodian.data-dir";

    private DataDirectory() {
    }

    public static Path resolve() {
        return configured(PROPERTY).map(Path::of)
                .or(() -> Optional.ofNullable(System.getProperty("jboss.server.data.dir"))
                        .map(dir -> Path.of(dir, "custodian")))
                .or(() -> Optional.ofNullable(System.getProperty("com.sun.aas.instanceRoot"))
                        .filter(root -> !root.contains("payaramicro"))
                        .map(root -> Path.of(root, "data", "custodian")))
                .orElse(Path.of("data"))
                .toAbsolutePath().normalize();
    }

    /**
     * A setting from a system property or the environment (MicroProfile's mapping: upper case, dots and dashes to
     * underscores). Read directly because this runs while MicroProfile Config itself is being assembled.
     */
    static Optional<String> configured(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(property.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        return Optional.ofNullable(value).filter(text -> !text.isBlank());
    }
}
