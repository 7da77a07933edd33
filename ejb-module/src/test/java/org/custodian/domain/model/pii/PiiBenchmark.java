package org.custodian.domain.model.pii;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Quality and throughput benchmark of {@link PiiDetector}; not a test, so it never runs in a normal build.
 *
 * <p>Run it from the repository root with the {@code bench} profile of the EJB module, which compiles the test
 * sources, skips the unit tests and runs this class with exec-maven-plugin:
 *
 * <pre>{@code ./mvnw -q -pl ejb-module -Pbench test}</pre>
 *
 * <p>It prints TP/FP/FN, precision, recall and F2 per type over the labelled corpus, then builds about 50 MB of
 * ticket text from the corpus (snippets shuffled with a fixed seed into tickets of ~4 KB), warms up and times
 * single-threaded scanning over several rounds. Throughput is reported in MB of UTF-8 text per second.
 */
public final class PiiBenchmark {

    private static final long TARGET_BYTES = 50L * 1024 * 1024;
    private static final int TICKET_CHARS = 4_096;
    private static final int WARM_UP_ROUNDS = 3;
    private static final int TIMED_ROUNDS = 5;
    private static final int MISTAKES_SHOWN = 20;

    private PiiBenchmark() {
    }

    public static void main(String[] args) {
        PiiDetector detector = new PiiDetector();
        List<LabelledPiiCorpus.Snippet> corpus = LabelledPiiCorpus.generate();

        QualityReport report = QualityReport.evaluate(detector, corpus);
        System.out.println("PII detector quality over " + corpus.size() + " labelled snippets (seed "
                + LabelledPiiCorpus.SEED + ")");
        System.out.print(report.table());
        List<String> mistakes = report.mistakes();
        for (String mistake : mistakes.subList(0, Math.min(MISTAKES_SHOWN, mistakes.size()))) {
            System.out.println("  " + mistake);
        }
        System.out.println();

        List<String> tickets = buildTickets(corpus);
        long bytes = 0;
        for (String ticket : tickets) {
            bytes += ticket.getBytes(StandardCharsets.UTF_8).length;
        }
        double megabytes = bytes / (1024.0 * 1024.0);
        System.out.printf("Throughput: %d tickets, %.1f MB, single thread%n", tickets.size(), megabytes);

        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            scanAll(detector, tickets);
        }
        double[] rates = new double[TIMED_ROUNDS];
        for (int round = 0; round < TIMED_ROUNDS; round++) {
            long started = System.nanoTime();
            long findings = scanAll(detector, tickets);
            double seconds = (System.nanoTime() - started) / 1e9;
            rates[round] = megabytes / seconds;
            System.out.printf("  round %d: %.3f s, %d findings, %.1f MB/s%n", round + 1, seconds, findings,
                    rates[round]);
        }
        Arrays.sort(rates);
        System.out.printf("Median: %.1f MB/s (min %.1f, max %.1f)%n", rates[TIMED_ROUNDS / 2], rates[0],
                rates[TIMED_ROUNDS - 1]);
    }

    /** Concatenates shuffled snippets into ~4 KB tickets until ~50 MB; the corpus is reshuffled on every pass. */
    private static List<String> buildTickets(List<LabelledPiiCorpus.Snippet> corpus) {
        Random random = new Random(LabelledPiiCorpus.SEED);
        List<String> texts = new ArrayList<>();
        for (LabelledPiiCorpus.Snippet snippet : corpus) {
            texts.add(snippet.text());
        }
        List<String> tickets = new ArrayList<>();
        StringBuilder ticket = new StringBuilder(TICKET_CHARS + 512);
        long total = 0;
        while (total < TARGET_BYTES) {
            Collections.shuffle(texts, random);
            for (String text : texts) {
                ticket.append(text).append("\n\n");
                if (ticket.length() >= TICKET_CHARS) {
                    tickets.add(ticket.toString());
                    total += ticket.length();
                    ticket.setLength(0);
                    if (total >= TARGET_BYTES) {
                        break;
                    }
                }
            }
        }
        return tickets;
    }

    private static long scanAll(PiiDetector detector, List<String> tickets) {
        long findings = 0;
        for (String ticket : tickets) {
            findings += detector.scan(ticket).size();
        }
        return findings;
    }
}
