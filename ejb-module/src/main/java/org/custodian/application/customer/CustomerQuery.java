package org.custodian.application.customer;

import org.custodian.domain.model.customer.CustomerSearch;

/**
 * A customer directory request as the client sent it: {@code text} is a name, e-mail address or phone number (or a
 * fragment of one the caller sees in full); paging is 0-based.
 */
public record CustomerQuery(String text, String region, int page, int size) {

    public static final int MAX_SIZE = 100;

    /** The shortest {@code text} the directory takes (#27). */
    public static final int MIN_TEXT = CustomerSearch.MIN_TEXT;
}
