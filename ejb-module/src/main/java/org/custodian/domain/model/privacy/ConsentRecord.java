package org.custodian.domain.model.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.custodian.domain.shared.RuleCheck;

/**
 * One statement of a subject about one purpose (given or withdrawn), where it was made and which wording they saw
 * (Art. 7(1): the controller must be able to show consent was given). Never changed: the newest record per
 * customer and purpose is the state in force, the older ones are the history.
 */
@Entity
@Table(name = "consent_record")
@NamedQuery(name = "ConsentRecord.history", query = "SELECT c FROM ConsentRecord c WHERE c.customerId = :customerId"
        + " ORDER BY c.recordedAt DESC, c.id DESC")
@NamedQuery(name = "ConsentRecord.newest", query = "SELECT c FROM ConsentRecord c WHERE c.customerId = :customerId"
        + " AND c.purpose = :purpose ORDER BY c.recordedAt DESC, c.id DESC")
public class ConsentRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consent_record_seq")
    @SequenceGenerator(name = "consent_record_seq", sequenceName = "consent_record_seq", allocationSize = 50)
    private Long id;

    @Column(name = "customer_id", nullable = false)
    private long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ConsentPurpose purpose;

    @Column(nullable = false)
    private boolean given;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(nullable = false, length = 200)
    private String source;

    @Column(name = "text_version", nullable = false, length = 64)
    private String textVersion;

    @Column(name = "recorded_by", nullable = false, length = 64)
    private String recordedBy;

    protected ConsentRecord() {
    }

    public ConsentRecord(long customerId, ConsentPurpose purpose, boolean given, String source, String textVersion,
            String recordedBy, Instant now) {
        new RuleCheck()
                .require(purpose != null, "purpose", "is required")
                .require(source != null && !source.isBlank() && source.trim().length() <= 200, "source",
                        "say where the subject said it (e.g. chat widget, signed form, phone call; at most 200"
                                + " characters)")
                .require(textVersion != null && !textVersion.isBlank() && textVersion.trim().length() <= 64,
                        "textVersion", "name the version of the consent wording the subject saw (at most 64"
                                + " characters)")
                .throwIfAny();
        this.customerId = customerId;
        this.purpose = purpose;
        this.given = given;
        this.source = source.trim();
        this.textVersion = textVersion.trim();
        this.recordedBy = recordedBy;
        this.recordedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getCustomerId() {
        return customerId;
    }

    public ConsentPurpose getPurpose() {
        return purpose;
    }

    public boolean isGiven() {
        return given;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getSource() {
        return source;
    }

    public String getTextVersion() {
        return textVersion;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
