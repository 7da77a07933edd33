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

/**
 * An objection (Art. 21 GDPR) carried out for one subject record and one purpose: from then on the purpose is
 * refused for the record, whatever consent is recorded later. Never changed or lifted here: the subject's objection
 * stands until they themselves say otherwise, which is a new request, not an edit.
 */
@Entity
@Table(name = "processing_objection")
@NamedQuery(name = "ProcessingObjection.ofCustomer", query = "SELECT o FROM ProcessingObjection o"
        + " WHERE o.customerId = :customerId ORDER BY o.purpose")
@NamedQuery(name = "ProcessingObjection.ofCustomers", query = "SELECT o FROM ProcessingObjection o"
        + " WHERE o.customerId IN :customerIds")
@NamedQuery(name = "ProcessingObjection.byRequest", query = "SELECT o FROM ProcessingObjection o"
        + " WHERE o.requestId = :requestId ORDER BY o.customerId, o.purpose")
public class ProcessingObjection extends RequestEffect {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "processing_objection_seq")
    @SequenceGenerator(name = "processing_objection_seq", sequenceName = "processing_objection_seq",
            allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ConsentPurpose purpose;

    @Column(name = "objected_at", nullable = false)
    private Instant objectedAt;

    @Column(name = "objected_by", nullable = false, length = 64)
    private String objectedBy;

    protected ProcessingObjection() {
    }

    public ProcessingObjection(long requestId, long customerId, ConsentPurpose purpose, String objectedBy,
            Instant now) {
        super(requestId, customerId);
        this.purpose = purpose;
        this.objectedBy = objectedBy;
        this.objectedAt = now;
    }

    public Long getId() {
        return id;
    }

    public ConsentPurpose getPurpose() {
        return purpose;
    }

    public Instant getObjectedAt() {
        return objectedAt;
    }

    public String getObjectedBy() {
        return objectedBy;
    }
}
