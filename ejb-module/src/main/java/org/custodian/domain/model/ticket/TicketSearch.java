package org.custodian.domain.model.ticket;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.custodian.domain.model.customer.Region;

/**
 * What a ticket list asks for. The areas are what the caller may see, already decided by the policy: a ticket
 * is found only inside an area, and filters match only what the caller sees there, so that neither the list
 * nor its total reveals a value the caller cannot read. {@code text} (3 characters or more, #27) matches a
 * fragment of the subject, the description or a comment's body case-insensitively, each in the form the caller
 * sees it in that area. Tickets of the {@code hiddenCustomers} (records whose processing is restricted, for
 * everyone but privacy officers) are never found. With {@code teams} (ids, #23) a ticket matches the assignee
 * filter also when it is routed to one of these teams (the team's work, taken or not yet).
 */
public record TicketSearch(TicketStatus status, String text, Set<String> assignees, Set<Long> teams, Order order,
        List<Area> areas, Set<Long> hiddenCustomers, int page, int size) {

    /** Without a team filter. */
    public TicketSearch(TicketStatus status, String text, Set<String> assignees, Order order, List<Area> areas,
            Set<Long> hiddenCustomers, int page, int size) {
        this(status, text, assignees, null, order, areas, hiddenCustomers, page, size);
    }

    /** The shortest search text: a shorter fragment has no trigram, so no index could answer it (#27). */
    public static final int MIN_TEXT = 3;

    /** The order of the results; every one ends with the id, so pages never overlap. */
    public enum Order {
        NEWEST, OLDEST, UPDATED,
        /** #25: the earliest running SLA due time first; tickets without one (no policy, paused, done) last. */
        DUE,
        /** Newest first by id alone, for callers who do not see the creation time everywhere. */
        ID_DESCENDING,
        /** Oldest first by id alone. */
        ID_ASCENDING
    }

    /** In {@code assignees}: tickets nobody is assigned (no username is empty, so it cannot mean one). */
    public static final String UNASSIGNED = "";

    public TicketSearch {
        areas = List.copyOf(areas);
        hiddenCustomers = Set.copyOf(hiddenCustomers);
        assignees = assignees == null ? null : Set.copyOf(assignees);
        teams = teams == null ? null : Set.copyOf(teams);
    }

    /**
     * Regions (and, if not empty, categories) searched with one view of the fields.
     *
     * @param excludedCategories categories never found here (those the caller may not know of)
     * @param statusVisible whether the caller sees the status here; if not, a status filter matches nothing
     * @param assigneeVisible whether the caller sees the assignee here; if not, an assignee filter matches nothing
     * @param teamVisible whether the caller sees the ticket's team here; if not, a team filter matches nothing
     * @param comments the form of comment bodies searched here (#27)
     * @param internalComments whether INTERNAL comments are searched too (only for those who read them)
     */
    public record Area(Set<Region> regions, Set<String> categories, Set<String> excludedCategories,
            TextSource subject, TextSource description, boolean statusVisible, boolean assigneeVisible,
            boolean teamVisible, TextSource comments, boolean internalComments) {

        public Area {
            regions = Set.copyOf(regions);
            categories = Set.copyOf(categories);
            excludedCategories = Set.copyOf(excludedCategories);
        }

        /** The stored texts a search text may match here: nothing the caller is not shown in this area. */
        public Set<TextForm> textForms() {
            Set<TextForm> forms = EnumSet.noneOf(TextForm.class);
            add(forms, subject, TextForm.SUBJECT, TextForm.SUBJECT_MASKED);
            add(forms, description, TextForm.DESCRIPTION, TextForm.DESCRIPTION_MASKED);
            add(forms, comments, TextForm.COMMENT, TextForm.COMMENT_MASKED);
            if (internalComments) {
                add(forms, comments, TextForm.INTERNAL_COMMENT, TextForm.INTERNAL_COMMENT_MASKED);
            }
            return forms;
        }

        private static void add(Set<TextForm> forms, TextSource source, TextForm original,
                TextForm masked) {
            switch (source) {
                case ORIGINAL -> forms.add(original);
                case MASKED -> forms.add(masked);
                case NONE -> {
                    // not shown here: never matched
                }
            }
        }
    }

    /**
     * One searchable text of a ticket in one stored form: its subject, description or a comment's body (by
     * visibility), as stored or as its masked copy.
     */
    public enum TextForm {
        SUBJECT, SUBJECT_MASKED, DESCRIPTION, DESCRIPTION_MASKED, COMMENT, COMMENT_MASKED, INTERNAL_COMMENT,
        INTERNAL_COMMENT_MASKED
    }

    /** Which stored form of a text field the caller's search runs against. */
    public enum TextSource {
        /** The text as stored: the caller sees it in full. */
        ORIGINAL,
        /** The masked copy: the caller sees the text with PII spans masked and must not match inside them. */
        MASKED,
        /** Nothing: the caller does not see the field, so the text never matches it. */
        NONE
    }
}
