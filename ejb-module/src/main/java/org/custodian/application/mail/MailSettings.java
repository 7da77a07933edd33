package org.custodian.application.mail;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.mail.OutboxMail;
import org.custodian.domain.shared.RetryPolicy;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Mail configuration (docs/configuration.md, "Mail"). Off unless configured: no {@code custodian.mail.inboxes} means
 * no polling, no {@code custodian.mail.smtp.host} and {@code custodian.mail.from} means no sending.
 */
@ApplicationScoped
public class MailSettings {

    static final String PREFIX = "custodian.mail.";

    private List<Mailbox> mailboxes;
    private SmtpSettings smtp;
    private TicketReference reference;
    private Duration pollInterval;
    private int pollBatch;
    private Duration outboxInterval;
    private RetryPolicy retry;
    private int senderLimit;
    private Duration senderWindow;
    private String language;
    private int intakeAttempts;

    @PostConstruct
    void read() {
        Config config = ConfigProvider.getConfig();
        List<Mailbox> boxes = new ArrayList<>();
        for (String name : text(config, PREFIX + "inboxes").orElse("").split(",")) {
            if (!name.isBlank()) {
                boxes.add(mailbox(config, name.trim()));
            }
        }
        mailboxes = List.copyOf(boxes);
        Optional<String> host = text(config, PREFIX + "smtp.host");
        Optional<String> from = text(config, PREFIX + "from");
        if (host.isPresent() && from.isPresent()) {
            String security = text(config, PREFIX + "smtp.security").orElse("STARTTLS").toUpperCase(Locale.ROOT);
            int port = config.getOptionalValue(PREFIX + "smtp.port", Integer.class)
                    .orElse(security.equals("TLS") ? 465 : 587);
            smtp = new SmtpSettings(host.get(), port, security, text(config, PREFIX + "smtp.user").orElse(null),
                    text(config, PREFIX + "smtp.password").orElse(null), from.get(),
                    text(config, PREFIX + "from-name").orElse("Custodian Support"));
        }
        String key = text(config, PREFIX + "reference-key")
                .or(() -> text(config, "custodian.audit.hmac-key")).orElse(null);
        reference = key == null || key.length() < 16 ? null : new TicketReference(key);
        pollInterval = duration(config, "poll-interval", "PT1M");
        pollBatch = config.getOptionalValue(PREFIX + "poll-batch", Integer.class).orElse(50);
        outboxInterval = duration(config, "outbox.interval", "PT10S");
        retry = new RetryPolicy(duration(config, "outbox.backoff", "PT30S"),
                duration(config, "outbox.backoff-max", "PT1H"),
                config.getOptionalValue(PREFIX + "outbox.max-attempts", Integer.class).orElse(12));
        senderLimit = config.getOptionalValue(PREFIX + "sender-limit", Integer.class).orElse(20);
        senderWindow = duration(config, "sender-window", "PT1H");
        language = text(config, PREFIX + "language").orElse("en");
        intakeAttempts = Math.max(1, config.getOptionalValue(PREFIX + "intake-attempts", Integer.class).orElse(5));
    }

    private static Mailbox mailbox(Config config, String name) {
        String p = PREFIX + "inbox." + name + ".";
        String security = text(config, p + "security").orElse("TLS").toUpperCase(Locale.ROOT);
        String host = text(config, p + "host").orElseThrow(() -> missing(p + "host"));
        String user = text(config, p + "user").orElseThrow(() -> missing(p + "user"));
        Region region;
        try {
            region = Region.valueOf(text(config, p + "region").orElseThrow(() -> missing(p + "region"))
                    .toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(p + "region must be one of " + Region.allowedValues(), e);
        }
        return new Mailbox(name, host,
                config.getOptionalValue(p + "port", Integer.class).orElse(security.equals("TLS") ? 993 : 143),
                security, user, text(config, p + "password").orElse(null), text(config, p + "folder").orElse("INBOX"),
                region, text(config, p + "category").orElse("GENERAL"), text(config, p + "language").orElse("en"),
                text(config, p + "authserv-id").orElse(null),
                text(config, p + "address").orElse(user.contains("@") ? user : null),
                text(config, p + "team").orElse(null));
    }

    private static IllegalStateException missing(String key) {
        return new IllegalStateException(key + " is required for a configured mailbox");
    }

    private static Optional<String> text(Config config, String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(value -> !value.isEmpty());
    }

    private static Duration duration(Config config, String key, String fallback) {
        return Duration.parse(text(config, PREFIX + key).orElse(fallback));
    }

    public List<Mailbox> mailboxes() {
        return mailboxes;
    }

    public Optional<Mailbox> mailbox(String name) {
        return mailboxes.stream().filter(box -> box.name().equals(name)).findFirst();
    }

    public boolean receiving() {
        return !mailboxes.isEmpty();
    }

    /** Null when sending is off. */
    public SmtpSettings smtp() {
        return smtp;
    }

    public boolean sending() {
        return smtp != null;
    }

    /** Null when no key is configured: then no reference is written and subjects thread nothing. */
    public TicketReference reference() {
        return reference;
    }

    /** Our own addresses (lower case): mail from them is a loop. */
    public Set<String> ownAddresses() {
        Set<String> own = new HashSet<>();
        if (smtp != null) {
            own.add(smtp.from().toLowerCase(Locale.ROOT));
        }
        for (Mailbox box : mailboxes) {
            if (box.address() != null) {
                own.add(box.address().toLowerCase(Locale.ROOT));
            }
        }
        return own;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    public int pollBatch() {
        return pollBatch;
    }

    public Duration outboxInterval() {
        return outboxInterval;
    }

    /** A mail of either outbox (customer, staff) was not sent: the next attempt after the backoff, or FAILED. */
    public void attemptFailed(OutboxMail row, Exception e, Instant now) {
        row.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), now, retry);
    }

    public int senderLimit() {
        return senderLimit;
    }

    public Duration senderWindow() {
        return senderWindow;
    }

    public String language() {
        return language;
    }

    /** Failed intakes of one mail before it is held instead of tried again (the give-up counter). */
    public int intakeAttempts() {
        return intakeAttempts;
    }
}
