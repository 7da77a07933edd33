package org.custodian.domain.model.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Quality gates over the deterministic labelled corpus (counts only, no timing). */
class PiiQualityTest {

    private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[ -]?\\d){11,18}");

    private static List<LabelledPiiCorpus.Snippet> corpus;
    private static QualityReport report;

    @BeforeAll
    static void scanCorpus() {
        corpus = LabelledPiiCorpus.generate();
        report = QualityReport.evaluate(new PiiDetector(), corpus);
    }

    @Test
    void corpusIsLargeAndCoversEveryType() {
        assertTrue(corpus.size() >= 2_000, "snippets: " + corpus.size());
        for (PiiType type : PiiType.values()) {
            QualityReport.Score score = report.score(type);
            assertTrue(score.truePositives + score.falseNegatives >= 100, type + " has too few labelled examples");
        }
    }

    @Test
    void corpusIsDeterministic() {
        assertEquals(corpus, LabelledPiiCorpus.generate());
    }

    @Test
    void cardsAndIbansAreAlmostNeverMissed() {
        assertRecallAtLeast(0.99, PiiType.CREDIT_CARD, PiiType.IBAN);
    }

    @Test
    void otherTypesAreRarelyMissed() {
        assertRecallAtLeast(0.95, PiiType.US_SSN, PiiType.EMAIL, PiiType.PHONE, PiiType.SECRET);
    }

    @Test
    void everyTypeIsPrecise() {
        for (PiiType type : PiiType.values()) {
            double precision = report.score(type).precision();
            assertTrue(precision >= 0.98, type + " precision " + precision + "\n" + report.table() + mistakes());
        }
    }

    @Test
    void noLuhnInvalidNumberIsReportedAsCard() {
        PiiDetector detector = new PiiDetector();
        for (LabelledPiiCorpus.Snippet snippet : corpus) {
            for (PiiFinding finding : detector.scan(snippet.text())) {
                if (finding.type() == PiiType.CREDIT_CARD) {
                    String value = finding.valueIn(snippet.text());
                    assertTrue(CreditCardRecognizer.isLuhnValid(value, 0, value.length()),
                            "Luhn-invalid card " + value);
                }
            }
            // and every Luhn-invalid candidate run in the text stays unflagged
            Matcher run = DIGIT_RUN.matcher(snippet.text());
            while (run.find()) {
                if (!CreditCardRecognizer.isLuhnValid(run.group(), 0, run.group().length())) {
                    PiiFinding asCard = new PiiFinding(PiiType.CREDIT_CARD, run.start(), run.end());
                    assertTrue(!detector.scan(snippet.text()).contains(asCard), "flagged " + run.group());
                }
            }
        }
    }

    private static void assertRecallAtLeast(double minimum, PiiType... types) {
        for (PiiType type : types) {
            double recall = report.score(type).recall();
            assertTrue(recall >= minimum, type + " recall " + recall + "\n" + report.table() + mistakes());
        }
    }

    private static String mistakes() {
        List<String> mistakes = report.mistakes();
        return String.join("\n", mistakes.subList(0, Math.min(40, mistakes.size())));
    }
}
