package org.custodian.application.ticket;

public record NewComment(String body, String visibility) {
}
