package org.custodian.application.slo;

import java.time.Instant;

/**
 * One objective as measured: {@code value} in {@code unit} (null when there was nothing to measure, or nothing
 * exists that could meet it), compared with {@code target} as {@code comparison} says (AT_LEAST or AT_MOST);
 * {@code status} MET, MISSED or NO_DATA (nothing was due: counts as met); {@code basis} names the data it was
 * measured from and {@code detail} the counts behind the number.
 */
public record Objective(String id, String remit, Double value, double target, String unit, String comparison,
        String status, boolean met, Instant measuredAt, String basis, String detail) implements java.io.Serializable {

    public static final String MET = "MET";
    public static final String MISSED = "MISSED";
    public static final String NO_DATA = "NO_DATA";
    public static final String AT_LEAST = "AT_LEAST";
    public static final String AT_MOST = "AT_MOST";

    /** Compares value and target; a null value is NO_DATA unless {@code nullMisses} (e.g. no backup set at all). */
    static Objective of(String id, SloRemit remit, Double value, double target, String unit, String comparison,
            boolean nullMisses, Instant now, String basis, String detail) {
        String status;
        if (value == null) {
            status = nullMisses ? MISSED : NO_DATA;
        } else if (AT_LEAST.equals(comparison)) {
            status = value >= target ? MET : MISSED;
        } else {
            status = value <= target ? MET : MISSED;
        }
        Double shown = value == null ? null : Math.round(value * 100.0) / 100.0;
        return new Objective(id, remit.wireName(), shown, target, unit, comparison, status, !MISSED.equals(status),
                now, basis, detail);
    }

    /** The same measurement, missed whatever its value (a drill whose checks failed has no RTO worth meeting). */
    Objective failedIf(boolean failed) {
        return failed ? new Objective(id, remit, value, target, unit, comparison, MISSED, false, measuredAt, basis,
                detail) : this;
    }

    public boolean missed() {
        return MISSED.equals(status);
    }
}
