package org.custodian.application.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records: fields separated by commas, records by CRLF or LF (a lone CR too), a field in double quotes may
 * hold commas, line breaks and doubled quotes; a UTF-8 byte order mark at the start is dropped. Lenient where
 * exports of other tools are: a quote inside an unquoted field is kept as it is. Malformed input (a quoted field
 * that never ends, text after a closing quote) is reported with the line it starts on.
 */
public final class CsvParser {

    private CsvParser() {
    }

    /** One record and the physical line (1-based) it starts on. */
    public record Record(int line, List<String> fields) {
    }

    /** The text is not CSV: where and why. */
    public static final class MalformedCsvException extends RuntimeException {

        private final int line;

        MalformedCsvException(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    public static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        int length = text.length();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        while (i < length) {
            int recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean endOfRecord = false;
            while (!endOfRecord) {
                if (i < length && text.charAt(i) == '"') {
                    // a quoted field: up to the quote that is not doubled
                    i++;
                    while (true) {
                        if (i >= length) {
                            throw new MalformedCsvException(recordLine, "a quoted field is not closed");
                        }
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < length && text.charAt(i + 1) == '"') {
                                field.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        if (c == '\n' || (c == '\r' && (i + 1 >= length || text.charAt(i + 1) != '\n'))) {
                            line++;
                        }
                        field.append(c);
                        i++;
                    }
                    if (i < length && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                        throw new MalformedCsvException(line, "text after the closing quote of field "
                                + (fields.size() + 1));
                    }
                } else {
                    while (i < length) {
                        char c = text.charAt(i);
                        if (c == ',' || c == '\r' || c == '\n') {
                            break;
                        }
                        field.append(c);
                        i++;
                    }
                }
                fields.add(field.toString());
                field.setLength(0);
                if (i >= length) {
                    endOfRecord = true;
                } else if (text.charAt(i) == ',') {
                    i++;
                    if (i >= length) {
                        fields.add("");
                        endOfRecord = true;
                    }
                } else {
                    // CRLF, LF or a lone CR ends the record
                    i += text.charAt(i) == '\r' && i + 1 < length && text.charAt(i + 1) == '\n' ? 2 : 1;
                    line++;
                    endOfRecord = true;
                }
            }
            // blank lines (a lone empty field) are not records
            if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
                records.add(new Record(recordLine, fields));
            }
        }
        return records;
    }
}
