package org.custodian.application.imports;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.ticket.Comment;
import org.custodian.domain.model.ticket.CommentVisibility;
import org.custodian.domain.model.ticket.TicketDetails;
import org.custodian.domain.model.ticket.TicketPriority;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.FieldViolation;
import org.custodian.domain.shared.RuleCheck;

/**
 * Reads an upload into checked rows. What is wrong with the file as a whole (not CSV, a mapped column missing from
 * the header) is a 422 for the upload; what is wrong with a row rejects that row only, with its problems. The rules
 * are the domain's own (a customer's e-mail and phone, a ticket's subject and category, a comment's body), checked
 * by the same code the API's create paths run. Pure: the dry run and the job read an upload the same way.
 */
public final class SourceRows {

    /** The largest external id kept as lineage. */
    static final int EXTERNAL_ID_MAX = 128;
    private static final DateTimeFormatter PLAIN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    private SourceRows() {
    }

    /** The import's own values for fields a row leaves empty. */
    public record Defaults(Region region, String category) {
    }

    public static List<ImportRow> read(ImportFormat format, String text, ImportMapping mapping, Defaults defaults) {
        List<Map<ImportField, String>> values = new ArrayList<>();
        List<int[]> lines = new ArrayList<>();
        List<ImportRow> early = new ArrayList<>();
        if (format == ImportFormat.CSV) {
            csv(text, mapping, values, lines, early);
        } else {
            jsonLines(text, mapping, values, lines, early);
        }
        List<ImportRow> rows = new ArrayList<>(values.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            int row = lines.get(i)[0];
            int line = lines.get(i)[1];
            if (values.get(i) == null) {
                rows.add(early.stream().filter(r -> r.row() == row).findFirst().orElseThrow());
                continue;
            }
            ImportRow checked = check(row, line, values.get(i), defaults);
            String key = checked.commentExternalId() != null ? "comment:" + checked.commentExternalId()
                    : "row:" + values.get(i);
            Integer first = seen.putIfAbsent(key, row);
            if (first != null && !checked.rejected()) {
                checked = ImportRow.rejected(row, line, "row", "duplicates row " + first
                        + (checked.commentExternalId() != null ? " (the same comment.externalId)" : ""));
            }
            rows.add(checked);
        }
        return rows;
    }

    private static void csv(String text, ImportMapping mapping, List<Map<ImportField, String>> values,
            List<int[]> lines, List<ImportRow> early) {
        List<CsvParser.Record> records;
        try {
            records = CsvParser.parse(text);
        } catch (CsvParser.MalformedCsvException e) {
            new RuleCheck().require(false, "body", "is not CSV (RFC 4180): " + e.getMessage()).throwIfAny();
            return;
        }
        RuleCheck check = new RuleCheck();
        check.require(!records.isEmpty(), "body", "is empty: a CSV upload starts with a header record");
        check.throwIfAny();
        List<String> header = records.get(0).fields().stream().map(String::trim).toList();
        mapping.requireColumns(header, check);
        check.throwIfAny();
        for (int r = 1; r < records.size(); r++) {
            CsvParser.Record record = records.get(r);
            lines.add(new int[] {r, record.line()});
            if (record.fields().size() != header.size()) {
                values.add(null);
                early.add(ImportRow.rejected(r, record.line(), "row", "has " + record.fields().size()
                        + " fields; the header has " + header.size()));
                continue;
            }
            Map<ImportField, String> row = new EnumMap<>(ImportField.class);
            for (ImportField field : ImportField.values()) {
                if (mapping.maps(field)) {
                    row.put(field, blankToNull(record.fields().get(header.indexOf(mapping.column(field)))));
                }
            }
            values.add(row);
        }
    }

    private static void jsonLines(String text, ImportMapping mapping, List<Map<ImportField, String>> values,
            List<int[]> lines, List<ImportRow> early) {
        String[] physical = (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\r?\n", -1);
        int row = 0;
        for (int l = 0; l < physical.length; l++) {
            if (physical[l].isBlank()) {
                continue;
            }
            row++;
            lines.add(new int[] {row, l + 1});
            JsonObject object;
            try (var reader = Json.createReader(new StringReader(physical[l]))) {
                object = reader.readObject();
            } catch (JsonException | IllegalStateException e) {
                values.add(null);
                early.add(ImportRow.rejected(row, l + 1, "row", "is not a JSON object"));
                continue;
            }
            Map<ImportField, String> fields = new EnumMap<>(ImportField.class);
            for (ImportField field : ImportField.values()) {
                if (mapping.maps(field)) {
                    fields.put(field, blankToNull(text(object.get(mapping.column(field)))));
                }
            }
            values.add(fields);
        }
    }

    private static String text(JsonValue value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.toString();
        }
        return value == null || value == JsonValue.NULL ? null : value.toString();
    }

    /** The row's values typed and checked by the domain's rules; every problem at once. */
    static ImportRow check(int row, int line, Map<ImportField, String> v, Defaults defaults) {
        List<ImportProblem> problems = new ArrayList<>();
        String customerId = v.get(ImportField.CUSTOMER_EXTERNAL_ID);
        String ticketId = v.get(ImportField.TICKET_EXTERNAL_ID);
        String commentId = v.get(ImportField.COMMENT_EXTERNAL_ID);
        externalId(customerId, ImportField.CUSTOMER_EXTERNAL_ID, true, row, line, problems);
        externalId(ticketId, ImportField.TICKET_EXTERNAL_ID, true, row, line, problems);
        externalId(commentId, ImportField.COMMENT_EXTERNAL_ID, false, row, line, problems);
        Region region = defaults.region();
        if (v.get(ImportField.CUSTOMER_REGION) != null) {
            region = Region.parse(v.get(ImportField.CUSTOMER_REGION)).orElse(null);
            if (region == null) {
                problems.add(new ImportProblem(row, line, ImportField.CUSTOMER_REGION.fieldName(), "must be one of "
                        + Region.allowedValues()));
            }
        }
        String name = v.get(ImportField.CUSTOMER_NAME);
        String email = v.get(ImportField.CUSTOMER_EMAIL);
        String phone = v.get(ImportField.CUSTOMER_PHONE);
        try {
            new Customer(null, name == null ? null : name.trim(), email, phone, region == null ? Region.EU : region,
                    Instant.EPOCH);
        } catch (DomainRuleViolationException e) {
            violations(e.getViolations(), "customer.", row, line, problems);
        }
        TicketPriority priority = TicketPriority.NORMAL;
        if (v.get(ImportField.TICKET_PRIORITY) != null) {
            priority = parseEnum(TicketPriority.class, v.get(ImportField.TICKET_PRIORITY));
            add(problems, row, line, priority == null, ImportField.TICKET_PRIORITY.fieldName(),
                    "must be one of LOW, NORMAL, HIGH, URGENT");
        }
        String category = v.get(ImportField.TICKET_CATEGORY) == null ? defaults.category()
                : v.get(ImportField.TICKET_CATEGORY).trim().toUpperCase(Locale.ROOT);
        String body = v.get(ImportField.COMMENT_BODY);
        String description = v.get(ImportField.TICKET_DESCRIPTION);
        String subject = v.get(ImportField.TICKET_SUBJECT);
        // the description the ticket will have: its own column, else the row's thread, else the subject
        String shownDescription = description != null ? description : body != null ? body : subject;
        RuleCheck details = new RuleCheck();
        new TicketDetails(subject == null ? null : subject.trim(), shownDescription,
                priority == null ? TicketPriority.NORMAL : priority, category, null, null, null).check(details);
        if (body != null) {
            details.requireMultilineText(body, "body", Comment.BODY_MAX);
        }
        try {
            details.throwIfAny();
        } catch (DomainRuleViolationException e) {
            for (FieldViolation violation : e.getViolations()) {
                String field = switch (violation.field()) {
                    case "body" -> ImportField.COMMENT_BODY.fieldName();
                    case "description" -> description != null ? ImportField.TICKET_DESCRIPTION.fieldName()
                            : ImportField.COMMENT_BODY.fieldName();
                    default -> "ticket." + violation.field();
                };
                problems.add(new ImportProblem(row, line, field, violation.message()));
            }
        }
        CommentVisibility visibility = CommentVisibility.PUBLIC;
        if (v.get(ImportField.COMMENT_VISIBILITY) != null) {
            visibility = visibility(v.get(ImportField.COMMENT_VISIBILITY));
            add(problems, row, line, visibility == null, ImportField.COMMENT_VISIBILITY.fieldName(),
                    "must be PUBLIC or INTERNAL (customer, message and reply are PUBLIC; note is INTERNAL)");
        }
        add(problems, row, line, body != null && commentId == null && description != null,
                ImportField.COMMENT_EXTERNAL_ID.fieldName(), "is required for a row with a comment.body");
        Instant ticketAt = time(v.get(ImportField.TICKET_CREATED_AT), ImportField.TICKET_CREATED_AT, row, line,
                problems);
        Instant commentAt = time(v.get(ImportField.COMMENT_CREATED_AT), ImportField.COMMENT_CREATED_AT, row, line,
                problems);
        return new ImportRow(row, line, customerId, name == null ? null : name.trim(), email == null ? null
                : email.trim(), phone == null ? null : phone.trim(), region, ticketId, subject == null ? null
                : subject.trim(), description, priority, category, ticketAt, commentId, body, visibility, commentAt,
                List.copyOf(problems));
    }

    private static void externalId(String value, ImportField field, boolean required, int row, int line,
            List<ImportProblem> problems) {
        if (value == null) {
            add(problems, row, line, required, field.fieldName(), "is required: the record's id in the source");
        } else {
            add(problems, row, line, value.length() > EXTERNAL_ID_MAX, field.fieldName(), "must be at most "
                    + EXTERNAL_ID_MAX + " characters");
        }
    }

    private static void violations(List<FieldViolation> violations, String prefix, int row, int line,
            List<ImportProblem> problems) {
        for (FieldViolation violation : violations) {
            if (!violation.field().equals("region")) {
                problems.add(new ImportProblem(row, line, prefix + violation.field(), violation.message()));
            }
        }
    }

    private static CommentVisibility visibility(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "public", "customer", "message", "reply" -> CommentVisibility.PUBLIC;
            case "internal", "note" -> CommentVisibility.INTERNAL;
            default -> null;
        };
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        return null;
    }

    /** ISO-8601 UTC, or "yyyy-MM-dd HH:mm[:ss]" taken as UTC (FreeScout's export); not in the future. */
    private static Instant time(String value, ImportField field, int row, int line, List<ImportProblem> problems) {
        if (value == null) {
            return null;
        }
        Instant parsed;
        String text = value.trim();
        try {
            // by its shape, not by trying both: a failed parse throws, and that cost 50 µs a row
            parsed = text.indexOf('T') > 0 ? Instant.parse(text) : plain(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            problems.add(new ImportProblem(row, line, field.fieldName(), "must be an ISO-8601 UTC time such as"
                    + " 2024-03-01T09:30:00Z, or 2024-03-01 09:30:00 (UTC)"));
            return null;
        }
        if (parsed.isAfter(Instant.now())) {
            problems.add(new ImportProblem(row, line, field.fieldName(), "must not be in the future"));
        }
        return parsed;
    }

    /**
     * "yyyy-MM-dd HH:mm[:ss]" read digit by digit: the formatter took a fifth of the validation's time (the import
     * bench, #24). Anything of another shape, and an impossible date such as 2024-02-30, goes to the formatter, which
     * refuses it with its own message.
     */
    static LocalDateTime plain(String text) {
        int length = text.length();
        if ((length == 16 || length == 19) && digits(text, 0, 4) && text.charAt(4) == '-' && digits(text, 5, 7)
                && text.charAt(7) == '-' && digits(text, 8, 10) && text.charAt(10) == ' ' && digits(text, 11, 13)
                && text.charAt(13) == ':' && digits(text, 14, 16)
                && (length == 16 || text.charAt(16) == ':' && digits(text, 17, 19))) {
            int year = number(text, 0, 4);
            int month = number(text, 5, 7);
            int day = number(text, 8, 10);
            int hour = number(text, 11, 13);
            int minute = number(text, 14, 16);
            int second = length == 19 ? number(text, 17, 19) : 0;
            if (month >= 1 && month <= 12 && day >= 1 && day <= java.time.YearMonth.of(year, month).lengthOfMonth()
                    && hour <= 23 && minute <= 59 && second <= 59) {
                return LocalDateTime.of(year, month, day, hour, minute, second);
            }
        }
        return LocalDateTime.parse(text, PLAIN);
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }

    private static void add(List<ImportProblem> problems, int row, int line, boolean broken, String field,
            String problem) {
        if (broken) {
            problems.add(new ImportProblem(row, line, field, problem));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
