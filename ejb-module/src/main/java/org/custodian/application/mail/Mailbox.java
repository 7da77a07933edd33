package org.custodian.application.mail;

import org.custodian.domain.model.customer.Region;

/**
 * One configured inbox ({@code custodian.mail.inbox.<name>.*}). The password comes from configuration only and is
 * never printed: {@link #toString()} leaves it out.
 *
 * @param security TLS (IMAPS), STARTTLS or NONE
 * @param authservId the receiving server's authserv-id whose Authentication-Results are trusted (null: none)
 */
public record Mailbox(String name, String host, int port, String security, String user, String password,
        String folder, Region region, String category, String language, String authservId, String address) {

    @Override
    public String toString() {
        return name + " (" + user + "@" + host + ":" + port + "/" + folder + ", " + security + ", region " + region
                + ")";
    }
}
