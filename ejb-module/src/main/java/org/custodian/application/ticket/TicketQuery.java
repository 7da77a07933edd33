package org.custodian.application.ticket;

/** A ticket list request as the client sent it: filters are optional text, paging is 0-based. */
public record TicketQuery(String status, String region, String text, int page, int size) {

    public static final int MAX_SIZE = 100;
}
