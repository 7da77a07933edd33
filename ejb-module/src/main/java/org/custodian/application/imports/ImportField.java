package org.custodian.application.imports;

import java.util.Arrays;
import java.util.Optional;

/** A Custodian field a source column can be mapped onto, by the name mappings and reports use. */
public enum ImportField {
    CUSTOMER_EXTERNAL_ID("customer.externalId", true),
    CUSTOMER_NAME("customer.name", true),
    CUSTOMER_EMAIL("customer.email", false),
    CUSTOMER_PHONE("customer.phone", false),
    CUSTOMER_REGION("customer.region", false),
    TICKET_EXTERNAL_ID("ticket.externalId", true),
    TICKET_SUBJECT("ticket.subject", true),
    TICKET_DESCRIPTION("ticket.description", false),
    TICKET_PRIORITY("ticket.priority", false),
    TICKET_CATEGORY("ticket.category", false),
    TICKET_CREATED_AT("ticket.createdAt", false),
    COMMENT_EXTERNAL_ID("comment.externalId", false),
    COMMENT_BODY("comment.body", false),
    COMMENT_VISIBILITY("comment.visibility", false),
    COMMENT_CREATED_AT("comment.createdAt", false);

    private final String fieldName;
    private final boolean required;

    ImportField(String fieldName, boolean required) {
        this.fieldName = fieldName;
        this.required = required;
    }

    public String fieldName() {
        return fieldName;
    }

    /** Whether a mapping must name a column for it. */
    public boolean required() {
        return required;
    }

    public static Optional<ImportField> named(String name) {
        return Arrays.stream(values()).filter(field -> field.fieldName.equals(name)).findFirst();
    }
}
