package org.custodian.application.ticket;

/** @param channel AGENT (default), EMAIL, PHONE or CHAT (a chat transcript: stored only with the customer's consent) */
public record NewComment(String body, String visibility, String channel) {

    public NewComment(String body, String visibility) {
        this(body, visibility, null);
    }

}
