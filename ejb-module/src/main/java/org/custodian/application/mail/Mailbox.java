package org.custodian.application.mail;

import org.custodian.domain.model.customer.Region;

/**
 * One configured inbox ({@code custodian.mail.inbox.<name>.*}). The password comes from configuration only and is
 * never printed: {@link #toString()} leaves it out.
 *
 * @param security TLS (IMAPS), STARTTLS or NONE
 * @param authservId the receiving server's authserv-id whose Authentication-Results are trusted (null: none)
 * @param team the key of the team new tickets from this mailbox go to (null: none, as tickets opened by hand)
 */
public record Mailbox(String name, String host, int port, String security, String user, String password,
        String folder, Region region, String category, String language, String authservId, String address,
        String team) {

    @Override
    public String toString() {
        return name + " (" + user + "@" + host + ":" + port + "/" + folder + ", " + security + ", region " + region
                + ")";
    }
}
