package org.custodian.domain.model.audit;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Audit events as syslog messages: RFC 5424 with a structured-data element and the event as JSON in the message,
 * or ArcSight CEF in the message of an RFC 5424 envelope. Framing for TCP (RFC 6587 octet counting) is the
 * sender's. Every message carries the sequence, so a collector can drop a redelivered one.
 */
public enum SyslogFormat {
    RFC5424, CEF;

    /** Facility 13 ("log audit"). */
    private static final int FACILITY = 13;
    private static final int INFO = 6;
    private static final int WARNING = 4;
    private static final String ENTERPRISE_ID = "32473";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** One message, without framing. */
    public String format(AuditEvent event, String hostname, String eventJson) {
        // refusals, failures and anomaly alerts stand out in the SIEM
        int severity = event.getOutcome() == AuditOutcome.SUCCESS && !"ANOMALY_ALERT".equals(event.getAction())
                ? INFO : WARNING;
        String header = "<" + (FACILITY * 8 + severity) + ">1 " + TIME.format(event.getOccurredAt()) + " "
                + headerField(hostname, 255) + " custodian - " + headerField(event.getAction(), 32) + " ";
        if (this == RFC5424) {
            return header + "[custodian@" + ENTERPRISE_ID
                    + param("seq", String.valueOf(event.getSequence()))
                    + param("actor", event.getActor())
                    + param("action", event.getAction())
                    + param("outcome", event.getOutcome() == null ? null : event.getOutcome().name())
                    + param("resourceType", event.getResourceType())
                    + param("resourceId", event.getResourceId())
                    + param("hash", event.getHash())
                    + "] \uFEFF" + eventJson;
        }
        return header + "- CEF:0|Custodian|Custodian|1|" + cefHeader(event.getAction()) + "|"
                + cefHeader(event.getAction()) + "|" + (severity == INFO ? 3 : 7) + "|"
                + "rt=" + event.getOccurredAt().toEpochMilli()
                + " cn1Label=sequence cn1=" + event.getSequence()
                + ext("suser", event.getActor())
                + ext("act", event.getAction())
                + ext("outcome", event.getOutcome() == null ? null : event.getOutcome().name())
                + ext("cs1Label", "resourceType") + ext("cs1", event.getResourceType())
                + ext("cs2Label", "resourceId") + ext("cs2", event.getResourceId())
                + ext("cs3Label", "fields") + ext("cs3", event.getFields())
                + ext("src", event.getClientAddress())
                + ext("externalId", event.getHash());
    }

    /** RFC 5424 header fields are printable US-ASCII without spaces; "-" stands for none. */
    private static String headerField(String value, int max) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < max; i++) {
            char c = value.charAt(i);
            out.append(c > 32 && c < 127 ? c : '_');
        }
        return out.toString();
    }

    /** SD-PARAM values escape '"', '\' and ']' (RFC 5424 section 6.3.3). */
    private static String param(String name, String value) {
        if (value == null) {
            return "";
        }
        return " " + name + "=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("]", "\\]") + "\"";
    }

    /** CEF header fields escape '|' and '\'. */
    private static String cefHeader(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("|", "\\|");
    }

    /** CEF extension values escape '\', '=' and line breaks. */
    private static String ext(String key, String value) {
        if (value == null) {
            return "";
        }
        return " " + key + "=" + value.replace("\\", "\\\\").replace("=", "\\=").replace("\r", "\\r")
                .replace("\n", "\\n");
    }
}
