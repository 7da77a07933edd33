package org.custodian.infrastructure.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.custodian.domain.model.ticket.TicketSearch;
import org.custodian.domain.model.ticket.TicketSearch.TextForm;

/**
 * The SQL of a ticket search with a text (#27), chosen from measurements at a million tickets: one statement that
 * finds the matching tickets once and returns both the exact total and the requested page (rows of total and id;
 * one row with a null id when the page is empty), so that the total and the page come from one snapshot and the
 * hits are not searched twice.
 *
 * <p>The hits are a {@code UNION} of branches, one per distinct set of text forms among the search areas: a ticket
 * branch reads the subject and description indexes of its forms as one bitmap (BitmapOr) and tests the areas'
 * conditions on the same heap row; a comment branch collects the ticket ids of the matching comments from the
 * partial index of each visibility and form and then tests the areas on the ticket. Areas that may search the same
 * forms share a branch; an area never matches through a form it may not search. Values are bound, never spliced:
 * only column names and the fixed visibility literals (which select the partial indexes) are part of the text.
 */
final class TicketTextSearchSql {

    private static final Set<TextForm> TICKET_FORMS = EnumSet.of(TextForm.SUBJECT, TextForm.SUBJECT_MASKED, TextForm.DESCRIPTION,
            TextForm.DESCRIPTION_MASKED);

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    private TicketTextSearchSql() {
    }

    /** The statement for this search, or null when no area may search any text (then nothing matches). */
    static TicketTextSearchSql of(TicketSearch search) {
        String pattern = "%" + JpaTicketRepository.escapeLike(search.text().trim().toLowerCase(Locale.ROOT)) + "%";
        Map<Set<TextForm>, List<TicketSearch.Area>> byTicketForms = new LinkedHashMap<>();
        Map<Set<TextForm>, List<TicketSearch.Area>> byCommentForms = new LinkedHashMap<>();
        for (TicketSearch.Area area : search.areas()) {
            Set<TextForm> forms = area.textForms();
            Set<TextForm> ticketForms = EnumSet.noneOf(TextForm.class);
            Set<TextForm> commentForms = EnumSet.noneOf(TextForm.class);
            forms.forEach(form -> (TICKET_FORMS.contains(form) ? ticketForms : commentForms).add(form));
            if (!ticketForms.isEmpty()) {
                byTicketForms.computeIfAbsent(ticketForms, key -> new ArrayList<>()).add(area);
            }
            if (!commentForms.isEmpty()) {
                byCommentForms.computeIfAbsent(commentForms, key -> new ArrayList<>()).add(area);
            }
        }
        if (byTicketForms.isEmpty() && byCommentForms.isEmpty()) {
            return null;
        }
        TicketTextSearchSql statement = new TicketTextSearchSql();
        String key = switch (search.order()) {
            case NEWEST, OLDEST -> "t.created_at";
            case UPDATED -> "t.updated_at";
            case DUE -> "t.sla_due_at";
            case ID_DESCENDING, ID_ASCENDING -> "t.id";
        };
        statement.sql.append("with hit as (");
        String union = "";
        for (Map.Entry<Set<TextForm>, List<TicketSearch.Area>> group : byTicketForms.entrySet()) {
            statement.sql.append(union).append("select t.id, ").append(key).append(" as k from ticket t where (");
            String or = "";
            for (TextForm form : group.getKey()) {
                statement.sql.append(or).append("lower(t.").append(column(form)).append(") like ");
                statement.bind(pattern).sql.append(" escape '\\'");
                or = " or ";
            }
            statement.sql.append(")");
            statement.areas(search, group.getValue());
            union = " union ";
        }
        for (Map.Entry<Set<TextForm>, List<TicketSearch.Area>> group : byCommentForms.entrySet()) {
            statement.sql.append(union).append("select t.id, ").append(key).append(" as k from ticket t where t.id in (");
            String unionAll = "";
            for (TextForm form : group.getKey()) {
                statement.sql.append(unionAll).append("select c.ticket_id from ticket_comment c where c.visibility = '")
                        .append(form == TextForm.COMMENT || form == TextForm.COMMENT_MASKED ? "PUBLIC" : "INTERNAL")
                        .append("' and lower(c.").append(column(form)).append(") like ");
                statement.bind(pattern).sql.append(" escape '\\'");
                unionAll = " union all ";
            }
            statement.sql.append(")");
            statement.areas(search, group.getValue());
            union = " union ";
        }
        String direction = switch (search.order()) {
            case OLDEST, DUE, ID_ASCENDING -> "asc";
            case NEWEST, UPDATED, ID_DESCENDING -> "desc";
        };
        // PostgreSQL sorts nulls last ascending: tickets without a running SLA clock come after the due ones
        statement.sql.append(") select c.total, p.id from (select count(*) as total from hit) c left join lateral"
                + " (select id from hit order by k ").append(direction).append(", id ").append(direction)
                .append(" limit ");
        statement.bind(search.size()).sql.append(" offset ");
        statement.bind((long) search.page() * search.size()).sql.append(") p on true");
        return statement;
    }

    String sql() {
        return sql.toString();
    }

    List<Object> parameters() {
        return parameters;
    }

    private static String column(TextForm form) {
        return switch (form) {
            case SUBJECT -> "subject";
            case SUBJECT_MASKED -> "subject_masked";
            case DESCRIPTION -> "description";
            case DESCRIPTION_MASKED -> "description_masked";
            case COMMENT, INTERNAL_COMMENT -> "body";
            case COMMENT_MASKED, INTERNAL_COMMENT_MASKED -> "body_masked";
        };
    }

    /** The areas' conditions (OR-ed) and the restricted customers, on the ticket {@code t}. */
    private void areas(TicketSearch search, List<TicketSearch.Area> areas) {
        sql.append(" and (");
        String or = "";
        for (TicketSearch.Area area : areas) {
            sql.append(or).append("(t.region in ");
            in(area.regions().stream().map(Enum::name).toList());
            if (!area.categories().isEmpty()) {
                sql.append(" and t.category in ");
                in(area.categories());
            }
            if (!area.excludedCategories().isEmpty()) {
                sql.append(" and t.category not in ");
                in(area.excludedCategories());
            }
            if (search.status() != null) {
                if (area.statusVisible()) {
                    sql.append(" and t.status = ");
                    bind(search.status().name());
                } else {
                    sql.append(" and false");
                }
            }
            if (search.assignees() != null) {
                assignees(search, area);
            }
            sql.append(")");
            or = " or ";
        }
        sql.append(")");
        if (!search.hiddenCustomers().isEmpty()) {
            sql.append(" and t.customer_id not in ");
            in(search.hiddenCustomers());
        }
    }

    /** As the ticket lists filter them: the assignee and, for a team's queue, the tickets routed to the teams. */
    private void assignees(TicketSearch search, TicketSearch.Area area) {
        if (search.assignees().contains(TicketSearch.UNASSIGNED)) {
            sql.append(area.assigneeVisible() ? " and t.assignee is null" : " and false");
            return;
        }
        boolean byAssignee = area.assigneeVisible() && !search.assignees().isEmpty();
        boolean byTeam = area.teamVisible() && search.teams() != null && !search.teams().isEmpty();
        if (!byAssignee && !byTeam) {
            sql.append(" and false");
            return;
        }
        sql.append(" and (");
        if (byAssignee) {
            sql.append("t.assignee in ");
            in(search.assignees());
        }
        if (byTeam) {
            sql.append(byAssignee ? " or " : "").append("t.assigned_team_id in ");
            in(search.teams());
        }
        sql.append(")");
    }

    /** A list of bound values; an empty one matches nothing. */
    private void in(Collection<?> values) {
        sql.append("(");
        String comma = "";
        for (Object value : values) {
            sql.append(comma);
            bind(value);
            comma = ", ";
        }
        sql.append(values.isEmpty() ? "null)" : ")");
    }

    /** A bound value in the statement (?n, numbered as EclipseLink binds them). */
    private TicketTextSearchSql bind(Object value) {
        parameters.add(value);
        sql.append('?').append(parameters.size());
        return this;
    }
}
