package org.custodian.domain.model.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One searchable text of a ticket in one stored form (the view {@code ticket_search_text}, V112): its subject,
 * description or a comment's body, as stored or as its masked copy, lower-cased as the trigram indexes hold it.
 * Read only, and only inside a search's subquery: it lets one semi-join find the tickets with a hit in any form the
 * caller may search, each form on its own index.
 */
@Entity
@Table(name = "ticket_search_text")
public class TicketText {

    /** Which text, in which stored form: the names are {@link Form}'s. */
    public enum Form {
        SUBJECT, SUBJECT_MASKED, DESCRIPTION, DESCRIPTION_MASKED, COMMENT, COMMENT_MASKED, INTERNAL_COMMENT,
        INTERNAL_COMMENT_MASKED
    }

    @Id
    @Column(name = "row_key")
    private String rowKey;

    @Column(name = "source")
    private String source;

    @Column(name = "ticket_id")
    private long ticketId;

    @Column(name = "text")
    private String text;

    protected TicketText() {
        // JPA
    }

    public String getSource() {
        return source;
    }

    public long getTicketId() {
        return ticketId;
    }

    public String getText() {
        return text;
    }
}
