package org.custodian.application.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParserTest {

    private static List<List<String>> fields(String text) {
        return CsvParser.parse(text).stream().map(CsvParser.Record::fields).toList();
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() {
        List<CsvParser.Record> records = CsvParser.parse("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"one\r\ntwo\nthree\"\r\n"
                + "last,,\n");
        assertEquals(3, records.size());
        assertEquals(List.of("x, y", "say \"hi\"", "one\r\ntwo\nthree"), records.get(1).fields());
        assertEquals(2, records.get(1).line());
        // the record after a field with two line breaks starts on line 5
        assertEquals(5, records.get(2).line());
        assertEquals(List.of("last", "", ""), records.get(2).fields());
    }

    @Test
    void byteOrderMarkIsDroppedAndTheLastLineNeedsNoBreak() {
        assertEquals(List.of(List.of("Conversation ID", "Subject"), List.of("1", "Printer")),
                fields("\uFEFFConversation ID,Subject\n1,Printer"));
    }

    @Test
    void blankLinesAreNotRecordsButEmptyQuotedFieldsAre() {
        assertEquals(List.of(List.of("a"), List.of("b")), fields("a\n\n\r\nb\n"));
        assertEquals(List.of(List.of("", "")), fields("\"\",\"\"\n"));
        assertEquals(List.of(List.of("a", "")), fields("a,"));
    }

    @Test
    void aLoneCarriageReturnEndsARecord() {
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d")), fields("a,b\rc,d\r"));
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsKept() {
        assertEquals(List.of(List.of("5\" disk", "x")), fields("5\" disk,x\n"));
    }

    @Test
    void anUnclosedQuoteIsReportedWithTheLineItStartsOn() {
        CsvParser.MalformedCsvException e = assertThrows(CsvParser.MalformedCsvException.class,
                () -> CsvParser.parse("a,b\n1,\"never\nclosed\n"));
        assertEquals(2, e.line());
    }

    @Test
    void textAfterAClosingQuoteIsMalformed() {
        assertThrows(CsvParser.MalformedCsvException.class, () -> CsvParser.parse("\"a\"b,c\n"));
    }
}
