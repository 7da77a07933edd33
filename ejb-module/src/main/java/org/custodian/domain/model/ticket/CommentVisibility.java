package org.custodian.domain.model.ticket;

/** PUBLIC comments are shown to the customer; INTERNAL ones only to staff. */
public enum CommentVisibility {
    PUBLIC, INTERNAL
}
