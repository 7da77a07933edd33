package org.custodian.application.mail;

/**
 * The outbound server ({@code custodian.mail.smtp.*}) and our from address. The password is never printed.
 *
 * @param security STARTTLS (required), TLS (SMTPS) or NONE
 */
public record SmtpSettings(String host, int port, String security, String user, String password, String from,
        String fromName) {

    @Override
    public String toString() {
        return (user == null ? "" : user + "@") + host + ":" + port + " (" + security + "), from " + from;
    }
}
