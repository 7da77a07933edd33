package org.custodian.domain.model.pii;

import java.util.List;

/** Test helper: what the detector reports, as readable values. */
final class Detected {

    private static final PiiDetector DETECTOR = new PiiDetector();

    private Detected() {
    }

    /** The matched values of the given type, in text order. */
    static List<String> values(PiiType type, String text) {
        return DETECTOR.scan(text).stream().filter(f -> f.type() == type).map(f -> f.valueIn(text)).toList();
    }

    /** Every finding as "TYPE:value", in text order. */
    static List<String> all(String text) {
        return DETECTOR.scan(text).stream().map(f -> f.type() + ":" + f.valueIn(text)).toList();
    }
}
