package org.custodian.domain.model.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A service account's subscription: where to send which events, narrowed by a filter (empty lists match all).
 * The signing secret is kept sealed; only the delivery opens it, to sign.
 */
@Entity
@Table(name = "webhook")
public class Webhook {

    public enum State {
        ACTIVE, PAUSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_seq")
    @SequenceGenerator(name = "webhook_seq", sequenceName = "webhook_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 64)
    private String account;

    @Column(nullable = false, length = 2000)
    private String url;

    @Column(nullable = false, length = 500)
    private String events;

    @Column(name = "filter_categories", length = 1000)
    private String filterCategories;

    @Column(name = "filter_regions", length = 200)
    private String filterRegions;

    @Column(name = "filter_priorities", length = 200)
    private String filterPriorities;

    @Column(name = "secret_sealed", nullable = false, length = 200)
    private String secretSealed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 200)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Webhook() {
        // for JPA
    }

    public Webhook(String account, String url, Collection<String> events, String secretSealed, String createdBy,
            Instant now) {
        this.account = account;
        this.url = url;
        this.events = join(events);
        this.secretSealed = secretSealed;
        this.state = State.ACTIVE;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void filter(Collection<String> categories, Collection<String> regions, Collection<String> priorities) {
        filterCategories = categories == null || categories.isEmpty() ? null : join(categories);
        filterRegions = regions == null || regions.isEmpty() ? null : join(regions);
        filterPriorities = priorities == null || priorities.isEmpty() ? null : join(priorities);
    }

    public void subscribe(Collection<String> newEvents, Instant now) {
        events = join(newEvents);
        updatedAt = now;
    }

    public void changeState(State newState, Instant now) {
        state = newState;
        updatedAt = now;
    }

    public void touch(Instant now) {
        updatedAt = now;
    }

    /** Whether an event of this type about a record with these values is one this webhook wants. */
    public boolean wants(String eventType, String category, String region, String priority) {
        return state == State.ACTIVE && getEvents().contains(eventType)
                && matches(filterCategories, category) && matches(filterRegions, region)
                && matches(filterPriorities, priority);
    }

    /** An empty filter matches everything; a value the record does not have (null) is not filtered on. */
    private static boolean matches(String filter, String value) {
        return filter == null || value == null || split(filter).contains(value);
    }

    private static String join(Collection<String> values) {
        return String.join(",", values);
    }

    private static List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
    }

    public Long getId() {
        return id;
    }

    public String getAccount() {
        return account;
    }

    public String getUrl() {
        return url;
    }

    public List<String> getEvents() {
        return split(events);
    }

    public List<String> getFilterCategories() {
        return split(filterCategories);
    }

    public List<String> getFilterRegions() {
        return split(filterRegions);
    }

    public List<String> getFilterPriorities() {
        return split(filterPriorities);
    }

    public String getSecretSealed() {
        return secretSealed;
    }

    public State getState() {
        return state;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
