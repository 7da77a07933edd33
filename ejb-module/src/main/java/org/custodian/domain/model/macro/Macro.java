package org.custodian.domain.model.macro;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.domain.shared.RuleCheck;

/** A canned reply of one team. Its placeholders ({@link #PLACEHOLDERS}) are filled when an agent uses it. */
@Entity
@Table(name = "macro")
public class Macro {

    public static final int NAME_MAX = 100;
    public static final int BODY_MAX = 5000;

    /** The placeholders a body may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("customer.name", "ticket.id", "ticket.subject",
            "agent.name");

    public static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z.]+)\\s*}}");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "macro_seq")
    @SequenceGenerator(name = "macro_seq", sequenceName = "macro_seq", allocationSize = 50)
    private Long id;

    @Column(name = "team_id", nullable = false)
    private long teamId;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Column(nullable = false, length = BODY_MAX)
    private String body;

    @Column(name = "changed_by", nullable = false, length = 64)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Version
    private long version;

    protected Macro() {
        // for JPA
    }

    public Macro(long teamId, String name, String body, String by, Instant now) {
        this.teamId = teamId;
        change(name, body, by, now);
    }

    /** Checks and sets name and body (unknown placeholders are named, so a typo does not reach a customer). */
    public final void change(String newName, String newBody, String by, Instant now) {
        RuleCheck check = new RuleCheck().requireText(newName, "name", NAME_MAX)
                .requireMultilineText(newBody, "body", BODY_MAX);
        if (newBody != null) {
            Set<String> unknown = new LinkedHashSet<>();
            Matcher matcher = PLACEHOLDER.matcher(newBody);
            while (matcher.find()) {
                if (!PLACEHOLDERS.contains(matcher.group(1))) {
                    unknown.add(matcher.group(1));
                }
            }
            check.require(unknown.isEmpty(), "body", "unknown placeholder(s) " + unknown + "; known: "
                    + new java.util.TreeSet<>(PLACEHOLDERS));
        }
        check.throwIfAny();
        this.name = newName.trim();
        this.body = newBody;
        this.changedBy = by;
        this.changedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getTeamId() {
        return teamId;
    }

    public String getName() {
        return name;
    }

    public String getBody() {
        return body;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public long getVersion() {
        return version;
    }
}
