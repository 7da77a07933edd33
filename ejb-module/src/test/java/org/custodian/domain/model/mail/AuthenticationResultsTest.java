package org.custodian.domain.model.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.custodian.domain.model.mail.AuthenticationResults.Verdict;
import org.junit.jupiter.api.Test;

class AuthenticationResultsTest {

    private static Verdict verdict(String... headers) {
        return AuthenticationResults.evaluate(List.of(headers), "mx.example.net", "example.org").verdict();
    }

    @Test
    void dmarcDecidesWhenTheServerEvaluatedIt() {
        assertEquals(Verdict.PASS, verdict("mx.example.net; dmarc=pass (p=reject dis=none) header.from=example.org"));
        assertEquals(Verdict.FAIL, verdict("mx.example.net; spf=pass smtp.mailfrom=a@example.org;"
                + " dkim=pass header.d=example.org; dmarc=fail header.from=example.org"));
        // a DMARC pass for another From domain is no pass for this one
        assertEquals(Verdict.FAIL, verdict("mx.example.net; dmarc=pass header.from=evil.example"));
    }

    @Test
    void withoutDmarcAnAlignedDkimOrSpfPassIsEnough() {
        assertEquals(Verdict.PASS, verdict("mx.example.net 1; dkim=pass (2048-bit key) header.d=mail.example.org"
                + " header.s=sel; spf=none"));
        assertEquals(Verdict.PASS, verdict("mx.example.net; spf=pass smtp.mailfrom=bounce@example.org"));
        assertEquals(Verdict.FAIL, verdict("mx.example.net; dkim=pass header.d=evil.example;"
                + " spf=pass smtp.mailfrom=x@evil.example"));
        assertEquals(Verdict.FAIL, verdict("mx.example.net; dkim=fail header.d=example.org; spf=softfail"));
        assertEquals(Verdict.FAIL, verdict("mx.example.net; none"));
    }

    @Test
    void onlyTheTopmostHeaderOfOurServerCounts() {
        // a sender's own header of another authserv-id says nothing
        assertEquals(Verdict.NONE, verdict("evil.example; dmarc=pass header.from=example.org"));
        // ours on top (added last, by our server) wins over a forged one of the same id further down
        assertEquals(Verdict.FAIL, verdict("mx.example.net; dmarc=fail header.from=example.org",
                "mx.example.net; dmarc=pass header.from=example.org"));
        assertEquals(Verdict.PASS, verdict("other.example; dmarc=fail",
                "MX.EXAMPLE.NET; dmarc=pass header.from=example.org"));
    }

    @Test
    void commentsAndFoldingAreIgnored() {
        assertEquals(Verdict.PASS, verdict("mx.example.net (postfix; v=1);\r\n\tdmarc=pass (p=none;\r\n dis=none)"
                + " header.from=example.org"));
        assertEquals("dmarc=pass header.from=x ", AuthenticationResults.stripComments(
                "dmarc=pass (nested (comment)) header.from=x (tail)").replaceAll("\\s+", " "));
    }

    @Test
    void noConfiguredServerTrustsNothing() {
        AuthenticationResults.Outcome outcome = AuthenticationResults.evaluate(
                List.of("mx.example.net; dmarc=pass header.from=example.org"), null, "example.org");
        assertEquals(Verdict.NONE, outcome.verdict());
        assertTrue(outcome.reason().contains("authserv-id"));
        assertEquals(Verdict.FAIL, AuthenticationResults.evaluate(List.of(), "mx.example.net", null).verdict());
    }
}
