package org.custodian.application.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.ticket.CommentVisibility;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.junit.jupiter.api.Test;

class SourceRowsTest {

    private static final String HEADER = "Conversation ID,Conversation Number,Subject,Status,Mailbox,Customer ID,"
            + "Customer Name,Customer Email,Customer Phone,Conversation Created At,Thread ID,Thread Type,"
            + "Thread Created At,Body\n";
    private static final SourceRows.Defaults DEFAULTS = new SourceRows.Defaults(Region.EU, "GENERAL");

    private static List<ImportRow> csv(String rows) {
        return SourceRows.read(ImportFormat.CSV, HEADER + rows, ImportMapping.FREESCOUT, DEFAULTS);
    }

    @Test
    void aFreeScoutRowBecomesTypedValues() {
        List<ImportRow> rows = csv("101,1,\"Printer, 3rd floor\",closed,Support,C1,Ann Lee,ann@example.com,,"
                + "2024-03-01 09:30:00,T1,customer,2024-03-01 09:30:00,\"It jams.\nEvery day.\"\n"
                + "101,1,\"Printer, 3rd floor\",closed,Support,C1,Ann Lee,ann@example.com,,"
                + "2024-03-01 09:30:00,T2,note,2024-03-01T10:00:00Z,Checked the tray\n");
        assertEquals(2, rows.size());
        ImportRow first = rows.get(0);
        assertFalse(first.rejected(), first.problems().toString());
        assertEquals("Printer, 3rd floor", first.subject());
        assertEquals("It jams.\nEvery day.", first.commentBody());
        assertTrue(first.bodyIsDescription());
        assertEquals(CommentVisibility.INTERNAL, rows.get(1).visibility());
        assertEquals("2024-03-01T09:30:00Z", first.ticketCreatedAt().toString());
        assertEquals(Region.EU, first.region());
        assertEquals("GENERAL", first.category());
    }

    @Test
    void badValuesAreReportedByFieldWithoutTheirValues() {
        List<ImportRow> rows = csv("102,2,Hello,active,Support,C2,Bob,not-an-email,,2024-03-01 09:30,T3,customer,,"
                + "Hi\n103,3,,active,Support,,Eve,eve@example.com,,yesterday,T4,shout,,Hi\n");
        assertEquals(List.of("customer.email"), rows.get(0).problems().stream().map(ImportProblem::field).toList());
        List<String> fields = rows.get(1).problems().stream().map(ImportProblem::field).toList();
        assertEquals(List.of("customer.externalId", "ticket.subject", "comment.visibility", "ticket.createdAt"),
                fields);
        assertFalse(rows.get(0).problems().get(0).problem().contains("not-an-email"));
        // the header is line 1
        assertEquals(3, rows.get(1).line());
    }

    @Test
    void aRowSeenBeforeIsRejectedAsADuplicate() {
        String row = "104,4,Refund,active,Support,C4,Dan,dan@example.com,,,T9,customer,,Please refund\n";
        List<ImportRow> rows = csv(row + row);
        assertFalse(rows.get(0).rejected());
        assertEquals("duplicates row 1 (the same comment.externalId)", rows.get(1).problems().get(0).problem());
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRejectedAlone() {
        List<ImportRow> rows = csv("105,5,Short row\n106,6,Ok,active,Support,C6,Fay,fay@example.com,,,T6,"
                + "customer,,Body\n");
        assertEquals("row", rows.get(0).problems().get(0).field());
        assertFalse(rows.get(1).rejected());
    }

    @Test
    void aMappedColumnMissingFromTheHeaderRefusesTheUpload() {
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class, () -> SourceRows.read(
                ImportFormat.CSV, "Id,Title\n1,x\n", ImportMapping.FREESCOUT, DEFAULTS));
        assertTrue(e.getViolations().stream().anyMatch(v -> v.field().equals("mapping.customer.email")));
    }

    @Test
    void aBadMappingNamesEveryBrokenEntry() {
        DomainRuleViolationException e = assertThrows(DomainRuleViolationException.class,
                () -> ImportMapping.parse("{\"ticket.colour\": \"Colour\", \"customer.name\": 7}"));
        List<String> fields = e.getViolations().stream().map(v -> v.field()).toList();
        assertTrue(fields.contains("mapping.ticket.colour"), fields.toString());
        assertTrue(fields.contains("mapping.customer.name"), fields.toString());
        assertTrue(fields.contains("mapping.ticket.externalId"), fields.toString());
        assertThrows(DomainRuleViolationException.class, () -> ImportMapping.parse("[1, 2]"));
    }

    @Test
    void jsonLinesAreMappedByKey() {
        String mapping = "{\"customer.externalId\": \"customer_id\", \"customer.name\": \"name\","
                + " \"ticket.externalId\": \"ticket\", \"ticket.subject\": \"subject\","
                + " \"ticket.description\": \"text\", \"ticket.priority\": \"prio\"}";
        List<ImportRow> rows = SourceRows.read(ImportFormat.JSONL, "{\"customer_id\": 7, \"name\": \"Gus\","
                + " \"ticket\": \"T-1\", \"subject\": \"VPN\", \"text\": \"down\", \"prio\": \"high\"}\n\nnot json\n",
                ImportMapping.parse(mapping), DEFAULTS);
        assertEquals(2, rows.size());
        assertFalse(rows.get(0).rejected(), rows.get(0).problems().toString());
        assertEquals("7", rows.get(0).customerExternalId());
        assertEquals("is not a JSON object", rows.get(1).problems().get(0).problem());
        assertEquals(3, rows.get(1).line());
    }

    /**
     * The digit-by-digit reading of FreeScout's times agrees with the formatter it stands in for, refusals included
     * (the formatter's smart reading of 2023-02-29 or 24:00 is kept as it was).
     */
    @Test
    void plainTimesReadDigitByDigitAsTheFormatterReadsThem() {
        java.time.format.DateTimeFormatter formatter = java.time.format.DateTimeFormatter.ofPattern(
                "yyyy-MM-dd HH:mm[:ss]");
        int refused = 0;
        for (String text : List.of("2024-05-01 10:00:00", "2024-05-01 10:07", "2024-02-29 23:59:59",
                "1999-12-31 00:00:01", "2023-04-30 12:30", "2023-02-29 10:00:00", "2024-04-31 10:00",
                "2024-05-01 24:00", "2024-13-01 10:00", "2024-05-32 10:00", "2024-05-01 10:60", "2024-05-01 10:00:60",
                "2024-5-1 10:00", "2024-05-01T10:00", "2024-05-01 10:00:0", "\uff12\uff10\uff12\uff14-05-01 10:00")) {
            String expected;
            try {
                expected = java.time.LocalDateTime.parse(text, formatter).toString();
            } catch (java.time.format.DateTimeParseException e) {
                expected = "refused";
                refused++;
            }
            String actual;
            try {
                actual = SourceRows.plain(text).toString();
            } catch (java.time.format.DateTimeParseException e) {
                actual = "refused";
            }
            assertEquals(expected, actual, text);
        }
        assertTrue(refused >= 6, "the list holds times the formatter refuses: " + refused);
    }
}
