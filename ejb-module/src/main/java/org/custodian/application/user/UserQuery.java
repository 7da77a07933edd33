package org.custodian.application.user;

/** Filters of the user list, all optional; {@code q} matches part of the username, display name or e-mail address. */
public record UserQuery(String role, String region, Boolean active, String q, int page, int size) {
}
