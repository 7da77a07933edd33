package org.custodian.domain.model.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the receiving server's {@code Authentication-Results} header (RFC 8601) says of a mail's From domain. Only
 * the topmost header of the configured authserv-id counts: it is the one our own server added last (a sender can
 * put any header into the mail, but below ours). DMARC decides when the server evaluated it; without DMARC an
 * aligned DKIM signature or an aligned SPF pass is enough. Anything else is not trusted.
 */
public final class AuthenticationResults {

    /** PASS: the From domain is authenticated; FAIL: it is not; NONE: our server said nothing about it. */
    public enum Verdict {
        PASS, FAIL, NONE
    }

    /** One method's result, e.g. {@code dkim=pass header.d=example.com}. */
    record Result(String method, String result, List<String[]> properties) {

        String property(String name) {
            for (String[] property : properties) {
                if (property[0].equalsIgnoreCase(name)) {
                    return property[1];
                }
            }
            return null;
        }
    }

    /** The verdict and, for FAIL or NONE, why (for the agent who decides a held mail). */
    public record Outcome(Verdict verdict, String reason) {
    }

    private AuthenticationResults() {
    }

    /**
     * @param headers the header values, topmost first
     * @param authservId the receiving server's authserv-id (configuration); null trusts nothing
     * @param fromDomain the domain of the From address
     */
    public static Outcome evaluate(List<String> headers, String authservId, String fromDomain) {
        if (authservId == null || authservId.isBlank()) {
            return new Outcome(Verdict.NONE, "no authserv-id configured for this mailbox: no sender is trusted");
        }
        if (fromDomain == null || fromDomain.isBlank()) {
            return new Outcome(Verdict.FAIL, "the mail has no From domain");
        }
        for (String header : headers == null ? List.<String>of() : headers) {
            String cleaned = stripComments(header);
            String[] parts = cleaned.split(";");
            String[] id = parts[0].trim().split("\\s+");
            if (!id[0].equalsIgnoreCase(authservId.trim())) {
                continue;
            }
            List<Result> results = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                Result result = parseResult(parts[i]);
                if (result != null) {
                    results.add(result);
                }
            }
            return judge(results, fromDomain.toLowerCase(Locale.ROOT));
        }
        return new Outcome(Verdict.NONE, "no Authentication-Results from " + authservId);
    }

    private static Outcome judge(List<Result> results, String fromDomain) {
        for (Result result : results) {
            if (result.method().equals("dmarc")) {
                String domain = result.property("header.from");
                if (result.result().equals("pass") && (domain == null || aligned(domain, fromDomain))) {
                    return new Outcome(Verdict.PASS, null);
                }
                return new Outcome(Verdict.FAIL, "dmarc=" + result.result());
            }
        }
        for (Result result : results) {
            if (result.method().equals("dkim") && result.result().equals("pass")) {
                String domain = result.property("header.d");
                if (domain == null && result.property("header.i") != null) {
                    String identity = result.property("header.i");
                    domain = identity.substring(identity.indexOf('@') + 1);
                }
                if (domain != null && aligned(domain, fromDomain)) {
                    return new Outcome(Verdict.PASS, null);
                }
            }
            if (result.method().equals("spf") && result.result().equals("pass")) {
                String mailFrom = result.property("smtp.mailfrom");
                String domain = mailFrom == null ? null : mailFrom.substring(mailFrom.indexOf('@') + 1);
                if (domain != null && aligned(domain, fromDomain)) {
                    return new Outcome(Verdict.PASS, null);
                }
            }
        }
        StringBuilder said = new StringBuilder();
        for (Result result : results) {
            said.append(said.length() == 0 ? "" : " ").append(result.method()).append('=').append(result.result());
        }
        return new Outcome(Verdict.FAIL, results.isEmpty() ? "no SPF, DKIM or DMARC result"
                : "no aligned pass (" + said + ")");
    }

    /** Relaxed alignment (RFC 7489): the same domain, or one a subdomain of the other. */
    static boolean aligned(String domain, String fromDomain) {
        String d = domain.trim().toLowerCase(Locale.ROOT);
        return d.equals(fromDomain) || fromDomain.endsWith("." + d) || d.endsWith("." + fromDomain);
    }

    private static Result parseResult(String text) {
        String[] tokens = text.trim().split("\\s+");
        if (tokens.length == 0 || tokens[0].indexOf('=') < 1) {
            return null;
        }
        String method = tokens[0].substring(0, tokens[0].indexOf('=')).toLowerCase(Locale.ROOT);
        int version = method.indexOf('/');
        method = version > 0 ? method.substring(0, version) : method;
        String result = tokens[0].substring(tokens[0].indexOf('=') + 1).toLowerCase(Locale.ROOT);
        List<String[]> properties = new ArrayList<>();
        for (int i = 1; i < tokens.length; i++) {
            int eq = tokens[i].indexOf('=');
            if (eq > 0) {
                properties.add(new String[] {tokens[i].substring(0, eq), unquote(tokens[i].substring(eq + 1))});
            }
        }
        return new Result(method, result, properties);
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** Removes RFC 5322 comments "(…)", nested ones too, outside quoted strings. */
    static String stripComments(String header) {
        StringBuilder out = new StringBuilder(header.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '\\' && i + 1 < header.length()) {
                if (depth == 0) {
                    out.append(c).append(header.charAt(i + 1));
                }
                i++;
            } else if (c == '"' && depth == 0) {
                quoted = !quoted;
                out.append(c);
            } else if (c == '(' && !quoted) {
                depth++;
            } else if (c == ')' && !quoted && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(c == '\r' || c == '\n' || c == '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
