package org.custodian.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.ticket.TicketSearch;
import org.custodian.domain.model.ticket.TicketSearch.Area;
import org.custodian.domain.model.ticket.TicketSearch.TextSource;
import org.junit.jupiter.api.Test;

/** The statement of a text search (#27): each area searches only its own forms, values are bound, never spliced. */
class TicketTextSearchSqlTest {

    private static Area area(Region region, TextSource texts, TextSource comments, boolean internal) {
        return new Area(Set.of(region), Set.of(), Set.of("SECURITY"), texts, texts, true, true, true, comments,
                internal);
    }

    private static TicketSearch search(String text, List<Area> areas) {
        return new TicketSearch(null, text, null, TicketSearch.Order.NEWEST, areas, Set.of(42L), 2, 20);
    }

    @Test
    void areasWithOtherFormsGetBranchesOfTheirOwn() {
        TicketTextSearchSql statement = TicketTextSearchSql.of(search("50% O'Brien", List.of(
                area(Region.EU, TextSource.MASKED, TextSource.MASKED, true),
                area(Region.US, TextSource.ORIGINAL, TextSource.NONE, false))));
        String sql = statement.sql();
        assertTrue(sql.contains("lower(t.subject_masked) like ?1 escape '\\' or lower(t.description_masked) like ?2"),
                sql);
        assertTrue(sql.contains("lower(t.subject) like"), sql);
        assertTrue(sql.contains("c.visibility = 'INTERNAL' and lower(c.body_masked)"), sql);
        assertFalse(sql.contains("lower(c.body) "), "the US area does not search comments: " + sql);
        assertFalse(sql.contains("O'Brien") || sql.contains("42"), "values are bound: " + sql);
        assertEquals("%50\\% o'brien%", statement.parameters().get(0), "the text matches literally, lower case");
        assertEquals(List.of(20, 40L), statement.parameters().subList(statement.parameters().size() - 2,
                statement.parameters().size()), "limit and offset of page 2");
        Matcher placeholders = Pattern.compile("\\?(\\d+)").matcher(sql);
        int count = 0;
        while (placeholders.find()) {
            assertEquals(++count, Integer.parseInt(placeholders.group(1)), "numbered in order: " + sql);
        }
        assertEquals(statement.parameters().size(), count);
        assertEquals(3, sql.split("t.customer_id not in ").length - 1, "restricted customers in every branch");
    }

    @Test
    void aCallerWhoSeesNoTextAnywhereMatchesNothing() {
        assertNull(TicketTextSearchSql.of(search("printer", List.of(
                area(Region.EU, TextSource.NONE, TextSource.NONE, true)))));
    }
}
