package org.custodian.domain.model.privacy;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * An entry of the erasure ledger: which customer records an erasure request anonymized, when, by whom, and the
 * receipt the subject was given (JSON, without any personal value). The ledger is re-applied to every restored
 * copy of the database, so it is the ledger, not the records, that says who must stay erased.
 */
@Entity
@Table(name = "erasure")
@NamedQuery(name = "Erasure.findAll", query = "SELECT e FROM Erasure e ORDER BY e.erasedAt, e.id")
@NamedQuery(name = "Erasure.findByRequest", query = "SELECT e FROM Erasure e WHERE e.requestId = :requestId")
public class Erasure {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "erasure_seq")
    @SequenceGenerator(name = "erasure_seq", sequenceName = "erasure_seq", allocationSize = 50)
    private Long id;

    @Column(name = "request_id", nullable = false, unique = true)
    private long requestId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "erasure_subject", joinColumns = @JoinColumn(name = "erasure_id"))
    @Column(name = "customer_id")
    private Set<Long> customerIds = new TreeSet<>();

    @Column(name = "erased_at", nullable = false)
    private Instant erasedAt;

    @Column(name = "erased_by", nullable = false, length = 64)
    private String erasedBy;

    @Column(nullable = false, length = 20000)
    private String receipt;

    protected Erasure() {
    }

    public Erasure(long requestId, Set<Long> customerIds, Instant erasedAt, String erasedBy, String receipt) {
        this.requestId = requestId;
        this.customerIds = new TreeSet<>(customerIds);
        this.erasedAt = erasedAt;
        this.erasedBy = erasedBy;
        this.receipt = receipt;
    }

    public Long getId() {
        return id;
    }

    public long getRequestId() {
        return requestId;
    }

    public Set<Long> getCustomerIds() {
        return Set.copyOf(customerIds);
    }

    public Instant getErasedAt() {
        return erasedAt;
    }

    public String getErasedBy() {
        return erasedBy;
    }

    public String getReceipt() {
        return receipt;
    }
}
