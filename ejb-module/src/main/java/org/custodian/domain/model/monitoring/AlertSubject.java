package org.custodian.domain.model.monitoring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a monitoring system's subject line says: whether the problem started or ended, on which host, which check,
 * and the rest normalized (numbers, timestamps, hex ids and whitespace do not make two alerts different). The
 * state word (PROBLEM/RECOVERY, CRITICAL/OK, FIRING/RESOLVED) is not part of the fingerprint, so the recovery of an
 * alert has the fingerprint of the alert.
 *
 * @param kind whether the event reports a problem, its end, or neither (an acknowledgement, an unknown form)
 * @param host the host the alert is about, lower case ("" when the subject names none)
 * @param check the check (service, trigger, alert name), normalized ("" when unknown)
 * @param topic the normalized subject without state words: what remains to tell alerts apart
 */
public record AlertSubject(Kind kind, String host, String check, String topic) {

    public enum Kind { PROBLEM, RECOVERY, OTHER }

    // Nagios: "** PROBLEM Service Alert: web01/HTTP is CRITICAL **", "** RECOVERY Host Alert: web01 is UP **"
    private static final Pattern NAGIOS = Pattern.compile(
            "\\*\\*\\s*([A-Za-z]+)\\s+(Service|Host)\\s+Alert:\\s*(.+?)\\s+is\\s+(\\S+)\\s*\\*\\*.*", Pattern.CASE_INSENSITIVE);
    // Icinga 2's mail scripts: "[PROBLEM] HTTP on web01 is CRITICAL!", "[RECOVERY] Host web01 is UP!"
    private static final Pattern ICINGA_SERVICE = Pattern.compile(
            "\\[([A-Za-z]+)]\\s+(.+?)\\s+on\\s+(\\S+)\\s+is\\s+(\\S+?)!?", Pattern.CASE_INSENSITIVE);
    private static final Pattern ICINGA_HOST = Pattern.compile(
            "\\[([A-Za-z]+)]\\s+Host\\s+(\\S+)\\s+is\\s+(\\S+?)!?", Pattern.CASE_INSENSITIVE);
    // Zabbix: "Problem: High CPU on web01", "Resolved in 5m 2s: web01: Disk full", "Resolved: ..."
    private static final Pattern ZABBIX = Pattern.compile(
            "(Problem|Resolved(?:\\s+in\\s+[^:]+)?|Updated problem(?:\\s+in\\s+[^:]+)?|Recovery|OK):\\s*(.+)",
            Pattern.CASE_INSENSITIVE);
    // Alertmanager's default: "[FIRING:2] HighLatency (api-1 critical)", "[RESOLVED] HighLatency (api-1 critical)"
    private static final Pattern ALERTMANAGER = Pattern.compile(
            "\\[(FIRING|RESOLVED)(?::\\d+)?]\\s*(\\S+)\\s*(?:\\((.*)\\))?.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ZABBIX_ON_HOST = Pattern.compile("(.+?)\\s+on\\s+([A-Za-z0-9._-]+)");
    private static final Pattern ZABBIX_HOST_FIRST = Pattern.compile("([A-Za-z0-9._-]+):\\s+(.+)");

    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?"
                    + "|\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d+)?"
                    + "|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}");
    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    // a hex id: 0x…, or 8+ hex digits with at least one digit and one letter a–f (not a plain word or number)
    private static final Pattern HEX = Pattern.compile(
            "\\b0x[0-9a-fA-F]+\\b|\\b(?=[0-9a-fA-F]*[0-9])(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\\b");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern STATE_PREFIX = Pattern.compile(
            "^(?:(?:re|fwd?|aw|wg)\\s*:\\s*|\\[[^]]*]\\s*|\\*+\\s*|(?:problem|recovery|resolved|ok|alert|critical"
                    + "|warning|firing|down|up)\\b\\s*:?\\s*)+");
    private static final int MAX = 200;

    /**
     * The desk's own incident (a backup failure and the like): the rule is the check, and the subject is kept as
     * written apart from case and whitespace, because there the numbers name the thing (the backup set) that failed.
     */
    public static AlertSubject own(String rule, String subject) {
        String topic = subject == null ? "" : subject.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return new AlertSubject(Kind.PROBLEM, "custodian", rule == null ? "" : rule.toLowerCase(Locale.ROOT),
                topic.length() > MAX ? topic.substring(0, MAX) : topic);
    }

    /** Parses a subject of a known monitoring form, or normalizes any other subject as a whole. */
    public static AlertSubject parse(String subject) {
        String s = subject == null ? "" : subject.strip().replaceAll("\\s+", " ");
        s = s.replaceFirst("^(?i)(?:(?:re|fwd?|aw|wg)\\s*:\\s*)+", "");
        Matcher m = NAGIOS.matcher(s);
        if (m.matches()) {
            String what = m.group(3);
            int slash = what.indexOf('/');
            boolean service = m.group(2).equalsIgnoreCase("service");
            String host = service && slash > 0 ? what.substring(0, slash) : what;
            String check = service && slash > 0 ? what.substring(slash + 1) : "host";
            return new AlertSubject(kindOf(m.group(1), m.group(4)), host(host), normalize(check),
                    m.group(2).toLowerCase(Locale.ROOT) + " alert");
        }
        m = ICINGA_HOST.matcher(s);
        if (m.matches()) {
            return new AlertSubject(kindOf(m.group(1), m.group(3)), host(m.group(2)), "host", "host alert");
        }
        m = ICINGA_SERVICE.matcher(s);
        if (m.matches()) {
            return new AlertSubject(kindOf(m.group(1), m.group(4)), host(m.group(3)), normalize(m.group(2)),
                    "service alert");
        }
        m = ALERTMANAGER.matcher(s);
        if (m.matches()) {
            String labels = m.group(3) == null ? "" : m.group(3).strip();
            String host = labels.isEmpty() ? "" : labels.split(" ")[0];
            return new AlertSubject(kindOf(m.group(1), null), host(host), normalize(m.group(2)),
                    normalize(labels));
        }
        m = ZABBIX.matcher(s);
        if (m.matches()) {
            String event = m.group(2).strip();
            String host = "";
            Matcher first = ZABBIX_HOST_FIRST.matcher(event);
            Matcher on = ZABBIX_ON_HOST.matcher(event);
            if (first.matches()) {
                host = first.group(1);
                event = first.group(2);
            } else if (on.matches()) {
                host = on.group(2);
                event = on.group(1);
            }
            return new AlertSubject(kindOf(m.group(1), null), host(host), normalize(event), "trigger");
        }
        return new AlertSubject(genericKind(s), "", "", normalize(STATE_PREFIX.matcher(s.toLowerCase(Locale.ROOT))
                .replaceFirst("")));
    }

    /**
     * The fingerprint of this alert from a source: hex SHA-256 over source, host, check and topic. Equal for two
     * alerts that differ only in state words, numbers, timestamps, hex ids or whitespace.
     */
    public String fingerprint(String source) {
        String key = String.join("\n", source == null ? "" : source.toLowerCase(Locale.ROOT), host, check, topic);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Lower case, timestamps, UUIDs, hex ids and numbers replaced by placeholders, whitespace collapsed. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String s = TIMESTAMP.matcher(text).replaceAll(" <time> ");
        s = UUID.matcher(s).replaceAll(" <id> ");
        s = HEX.matcher(s).replaceAll(" <id> ");
        s = NUMBER.matcher(s).replaceAll("#");
        s = s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        return s.length() > MAX ? s.substring(0, MAX) : s;
    }

    private static String host(String host) {
        String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        return h.length() > MAX ? h.substring(0, MAX) : h;
    }

    private static Kind kindOf(String type, String state) {
        String t = type.toUpperCase(Locale.ROOT);
        if (t.startsWith("RECOVERY") || t.startsWith("RESOLVED") || t.equals("OK")) {
            return Kind.RECOVERY;
        }
        if (t.startsWith("PROBLEM") || t.equals("FIRING")) {
            return Kind.PROBLEM;
        }
        // Nagios/Icinga custom or flapping notifications: the state decides (OK/UP is an end, anything else not)
        String st = state == null ? "" : state.toUpperCase(Locale.ROOT).replace("!", "");
        return t.startsWith("ACK") || t.startsWith("DOWNTIME") || t.startsWith("FLAPPING") || t.startsWith("UPDATED")
                ? Kind.OTHER : st.equals("OK") || st.equals("UP") ? Kind.RECOVERY : Kind.PROBLEM;
    }

    private static Kind genericKind(String subject) {
        String s = subject.toUpperCase(Locale.ROOT);
        if (s.matches("^\\W*(RECOVERY|RESOLVED|RECOVERED|OK)\\b.*")) {
            return Kind.RECOVERY;
        }
        return Kind.PROBLEM;
    }
}
