drop index if exists ticket_subject_trgm, ticket_subject_masked_trgm, ticket_description_trgm,
    ticket_description_masked_trgm, ticket_comment_public_body_trgm,
    ticket_comment_public_body_masked_trgm, ticket_comment_internal_body_trgm, ticket_comment_internal_body_masked_trgm, customer_name_trgm,
    customer_email_trgm, customer_phone_digits_trgm;
