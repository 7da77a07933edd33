package org.custodian.application.job;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.BiConsumer;
import org.custodian.domain.shared.RuleCheck;

/**
 * A parameter a batch job accepts, by the name the API and the portal use. The parameters that stand alone are
 * checked here; those of the backup jobs depend on each other and on the catalogue of sets, so the backup
 * application package checks them ({@code BackupJobParameters}).
 */
public enum JobParameter {
    ITEM_COUNT("itemCount", (value, check) -> check.require(value != null && value.matches("[0-9]{1,5}")
            && Integer.parseInt(value) >= 1 && Integer.parseInt(value) <= 10_000, "itemCount",
            "must be a whole number from 1 to 10000")),
    AS_OF("asOf", JobParameter::checkAsOf),
    CUSTOMER_ID("customerId", (value, check) -> check.require(value != null && value.matches("[0-9]{1,18}"),
            "customerId", "must be a customer id (a whole number); leave it out for all customers")),
    DRY_RUN("dryRun", (value, check) -> checkFlag(value, "dryRun", check)),
    /** Checked only where it means something (integrity-verify): see {@link #checkDrill}. */
    DRILL("drill"),
    TYPE("type"),
    TARGET("target"),
    REASON("reason"),
    SET_ID("setId"),
    POINT_IN_TIME("pointInTime"),
    MODE("mode"),
    CONFIRM("confirm"),
    /** Set by the service that registers the package, never by a caller. */
    PACKAGE_ID("packageId"),
    /** Set by the service that stages an upload (POST /api/v1/imports), never by a caller. */
    IMPORT_ID("importId");

    private final String parameterName;
    private final BiConsumer<String, RuleCheck> check;

    JobParameter(String parameterName) {
        this(parameterName, null);
    }

    JobParameter(String parameterName, BiConsumer<String, RuleCheck> check) {
        this.parameterName = parameterName;
        this.check = check;
    }

    public String parameterName() {
        return parameterName;
    }

    /**
     * Records a violation for each given parameter whose value is malformed, in declaration order (so a response
     * lists them in a stable order), whichever job it was given to.
     */
    static void checkValues(Map<String, String> given, RuleCheck check) {
        for (JobParameter parameter : values()) {
            if (parameter.check != null && given.containsKey(parameter.parameterName)) {
                parameter.check.accept(given.get(parameter.parameterName), check);
            }
        }
    }

    /** Whether a drill was asked for, recording a violation when the value is neither true nor false. */
    static boolean checkDrill(Map<String, String> given, RuleCheck check) {
        String value = given.get(DRILL.parameterName);
        checkFlag(value, DRILL.parameterName, check);
        return "true".equals(value);
    }

    private static void checkAsOf(String value, RuleCheck check) {
        try {
            // A purge "as of" a future day would destroy data before its retention period ends.
            check.require(!Instant.parse(String.valueOf(value).trim()).isAfter(Instant.now()), "asOf",
                    "must not be in the future; leave it out to purge as of now");
        } catch (DateTimeParseException e) {
            check.require(false, "asOf", "must be an ISO-8601 UTC time such as 2026-11-01T00:00:00Z");
        }
    }

    private static void checkFlag(String value, String name, RuleCheck check) {
        check.require(value != null && value.matches("true|false"), name, "must be true or false");
    }
}
