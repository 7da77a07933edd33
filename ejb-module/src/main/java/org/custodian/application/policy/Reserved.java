package org.custodian.application.policy;

import java.util.Locale;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.shared.FieldViolation;

/**
 * Records only the system writes: the SECURITY tickets anomaly alerts open and the regions' security offices
 * they belong to, and the operations team that backup incidents belong to. Alert tickets are about users (often the very agent an alert names), so the policy shows
 * them only to those who investigate, and no caller may make a record look like one.
 */
public final class Reserved {

    /** The category of alert tickets. */
    public static final String SECURITY_CATEGORY = "SECURITY";

    /** External ids of the regions' security offices: {@code SECURITY-EU}, … */
    public static final String SECURITY_OFFICE_PREFIX = "SECURITY-";

    /** The category of the incident tickets failed backups and verifications open. */
    public static final String BACKUP_CATEGORY = "BACKUP";

    /** External id of the "customer" of backup incidents: Custodian's own operations team. */
    public static final String OPERATIONS_ID = "OPERATIONS";

    private Reserved() {
    }

    public static boolean isReservedCategory(String category) {
        return SECURITY_CATEGORY.equals(category);
    }

    public static String securityOfficeId(Region region) {
        return SECURITY_OFFICE_PREFIX + region;
    }

    /**
     * Why a caller may not change the field from {@code current} (null for a new record) to {@code value}, or
     * null. Case-insensitive for external ids (they are free text; categories are upper case by rule).
     */
    static FieldViolation violation(String entity, String field, String current, String value) {
        if ("ticket".equals(entity) && "category".equals(field) && isReservedCategory(current)
                && !isReservedCategory(value)) {
            // moving an alert ticket out of the category would show it to the agents it may be about
            return new FieldViolation(field, SECURITY_CATEGORY + " tickets keep their category");
        }
        if (value == null) {
            return null;
        }
        if ("ticket".equals(entity) && "category".equals(field) && isReservedCategory(value.trim())
                && !isReservedCategory(current)) {
            return new FieldViolation(field, "'" + SECURITY_CATEGORY
                    + "' is reserved for tickets the anomaly detection opens; choose another category");
        }
        if ("customer".equals(entity) && "externalId".equals(field)
                && value.trim().toUpperCase(Locale.ROOT).startsWith(SECURITY_OFFICE_PREFIX)) {
            return new FieldViolation(field, "external ids starting '" + SECURITY_OFFICE_PREFIX
                    + "' are reserved for the regions' security offices");
        }
        if ("customer".equals(entity) && "externalId".equals(field)
                && value.trim().equalsIgnoreCase(OPERATIONS_ID)) {
            return new FieldViolation(field, "'" + OPERATIONS_ID + "' is reserved for Custodian's operations team");
        }
        return null;
    }
}
