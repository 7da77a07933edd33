package org.custodian.domain.model.pii;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores the detector against labelled snippets per type. A finding is a true positive only when type and exact span
 * match; a span found with the wrong type counts as a false positive for that type and a miss for the expected one.
 */
final class QualityReport {

    /** Counts for one type. */
    static final class Score {
        int truePositives;
        int falsePositives;
        int falseNegatives;

        double precision() {
            int found = truePositives + falsePositives;
            return found == 0 ? 1.0 : (double) truePositives / found;
        }

        double recall() {
            int expected = truePositives + falseNegatives;
            return expected == 0 ? 1.0 : (double) truePositives / expected;
        }

        /** F-beta with beta = 2: recall weighs four times as much as precision (a missed card costs more). */
        double f2() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0.0 : 5 * p * r / (4 * p + r);
        }
    }

    private final Map<PiiType, Score> scores = new EnumMap<>(PiiType.class);
    private final List<String> mistakes = new ArrayList<>();

    private QualityReport() {
        for (PiiType type : PiiType.values()) {
            scores.put(type, new Score());
        }
    }

    static QualityReport evaluate(PiiDetector detector, List<LabelledPiiCorpus.Snippet> snippets) {
        QualityReport report = new QualityReport();
        for (LabelledPiiCorpus.Snippet snippet : snippets) {
            Set<PiiFinding> expected = new HashSet<>(snippet.expected());
            Set<PiiFinding> found = new HashSet<>(detector.scan(snippet.text()));
            for (PiiFinding finding : found) {
                if (expected.contains(finding)) {
                    report.scores.get(finding.type()).truePositives++;
                } else {
                    report.scores.get(finding.type()).falsePositives++;
                    report.mistakes.add("FP " + describe(snippet.text(), finding));
                }
            }
            for (PiiFinding missing : expected) {
                if (!found.contains(missing)) {
                    report.scores.get(missing.type()).falseNegatives++;
                    report.mistakes.add("FN " + describe(snippet.text(), missing));
                }
            }
        }
        return report;
    }

    private static String describe(String text, PiiFinding finding) {
        int from = Math.max(0, finding.start() - 30);
        int to = Math.min(text.length(), finding.end() + 15);
        return finding.type() + " «" + finding.valueIn(text) + "» in «" + text.substring(from, to).replace('\n', '⏎')
                + "»";
    }

    Score score(PiiType type) {
        return scores.get(type);
    }

    List<String> mistakes() {
        return mistakes;
    }

    String table() {
        StringBuilder table = new StringBuilder(String.format("%-12s %7s %5s %5s %9s %7s %7s%n",
                "type", "TP", "FP", "FN", "precision", "recall", "F2"));
        for (PiiType type : PiiType.values()) {
            Score s = scores.get(type);
            table.append(String.format("%-12s %7d %5d %5d %9.4f %7.4f %7.4f%n", type, s.truePositives,
                    s.falsePositives, s.falseNegatives, s.precision(), s.recall(), s.f2()));
        }
        return table.toString();
    }
}
