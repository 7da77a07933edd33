package org.custodian.domain.model.pii;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ticket text is attacker-controlled: repetitive input must scan in linear time. The timeout is two orders of
 * magnitude above the linear cost (a few ms per MB), so it only trips on a quadratic path, never on a slow machine.
 */
class AdversarialInputTest {

    private static final int REPETITIONS = 200_000;

    @ParameterizedTest(name = "\"{0}\" x {1}")
    @ValueSource(strings = {
        "password:", "-eyJ", "xoxb-", "-----BEGIN PRIVATE KEY-----", "a@", "a@b.", "1 ", "1-", "+1 ", "(1)",
        "DE89 ", "AKIA", "eyJa.", "ssn ", "0", "@x.de ",
    })
    void repeatedTriggersScanInLinearTime(String piece) {
        String text = piece.repeat(REPETITIONS);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new PiiDetector().scan(text));
    }
}
