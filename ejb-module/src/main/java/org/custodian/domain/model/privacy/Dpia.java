package org.custodian.domain.model.privacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A data protection impact assessment (Art. 35 GDPR): which of its versions is current. The content lives in
 * {@link DpiaVersion}s, never changed once written (only signed off), so every earlier version stays readable.
 */
@Entity
@Table(name = "dpia")
@NamedQuery(name = "Dpia.all", query = "SELECT d FROM Dpia d ORDER BY d.id")
public class Dpia {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dpia_seq")
    @SequenceGenerator(name = "dpia_seq", sequenceName = "dpia_seq", allocationSize = 50)
    private Long id;

    @Column(name = "current_version", nullable = false)
    private long currentVersion;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Dpia() {
    }

    public Dpia(String createdBy, Instant now) {
        this.currentVersion = 1;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** The number the next version gets; it becomes the current one. */
    public long nextVersion() {
        return ++currentVersion;
    }

    public Long getId() {
        return id;
    }

    public long getCurrentVersion() {
        return currentVersion;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
