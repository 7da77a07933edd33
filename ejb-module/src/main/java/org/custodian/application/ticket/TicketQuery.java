package org.custodian.application.ticket;

/**
 * A ticket list request as the client sent it: filters are optional text, paging is 0-based.
 *
 * @param assignee only tickets assigned to this username ({@code me}: the caller; {@code unassigned}: nobody; {@code team}: anyone in one of
 *        the caller's teams, or only the caller when they are in none; {@code team:<key>}: the members of that
 *        team), where the caller sees assignees
 * @param sort {@code newest} (default), {@code oldest} or {@code updated} (most recently changed first)
 */
public record TicketQuery(String status, String region, String text, String assignee, String sort, int page,
        int size) {

    public static final int MAX_SIZE = 100;

    public TicketQuery(String status, String region, String text, int page, int size) {
        this(status, region, text, null, null, page, size);
    }
}
