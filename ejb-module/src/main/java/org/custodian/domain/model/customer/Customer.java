package org.custodian.domain.model.customer;

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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.RuleCheck;

/** The data subject: the person a ticket is about. */
@Entity
@Table(name = "customer")
@NamedQuery(name = "Customer.findByExternalId",
        query = "SELECT c FROM Customer c WHERE c.externalId = :externalId")
public class Customer {

    /** The name an erased record keeps (the column is required); its other personal fields become empty. */
    public static final String ERASED = "[erased]";


    static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    /** E.164 or a national number with common separators: 6 to 15 digits in all. */
    static final Pattern PHONE = Pattern.compile("^\\+?[0-9(][0-9 ().-]{4,22}[0-9]$");
    /** A government identifier (passport, national id, tax or social security number): letters, digits, separators. */
    static final Pattern NATIONAL_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 ./-]{3,30}[A-Za-z0-9]$");
    static final Pattern EXTERNAL_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
    @SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 50)
    private Long id;

    @Column(name = "external_id", length = 64, unique = true)
    private String externalId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 254)
    private String email;

    @Column(length = 32)
    private String phone;

    @Column(name = "national_id", length = 32)
    private String nationalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Region region;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Set by an erasure (written only by the erasure ledger's statements). */
    @Column(name = "erased_at", insertable = false, updatable = false)
    private Instant erasedAt;

    /** The record this one was merged into (a tombstone), or null for a live record. */
    @Column(name = "merged_into")
    private Long mergedInto;

    @Column(name = "merged_at")
    private Instant mergedAt;
    /** For If-Match on changes (#23): a change made from an earlier read is refused. */
    @Version
    private long version;

    protected Customer() {
        // for JPA
    }

    public Customer(String externalId, String name, String email, String phone, Region region, Instant now) {
        this(externalId, name, email, phone, null, region, now);
    }

    public Customer(String externalId, String name, String email, String phone, String nationalId, Region region,
            Instant now) {
        validate(externalId, name, email, phone, nationalId, region);
        this.nationalId = nationalId == null ? null : nationalId.trim();
        this.externalId = externalId;
        this.name = name.trim();
        this.email = email == null ? null : email.trim();
        this.phone = phone == null ? null : phone.trim();
        this.region = region;
        this.createdAt = now;
    }

    /**
     * A new record written by a batch insert beside the persistence context (an import's chunk, #24) takes an id
     * reserved from its sequence ({@link CustomerBatchRepository#newIds}); a record that has one keeps it.
     */
    public void identifyAs(long reservedId) {
        if (id != null) {
            throw new IllegalStateException("customer " + id + " already has its id");
        }
        id = reservedId;
    }

    /**
     * Corrects personal fields (GDPR Art. 16): a null argument leaves the field as it is, an empty one clears it
     * (the name cannot be cleared). An erased record cannot be rectified.
     *
     * @return the names of the fields whose value changed
     */
    public Set<String> rectify(String newName, String newEmail, String newPhone, String newNationalId) {
        if (erasedAt != null) {
            throw new DomainRuleViolationException("customerId", "customer " + id
                    + " was erased at " + erasedAt + "; there is nothing left to rectify");
        }
        String nextName = newName == null ? name : newName.trim();
        String nextEmail = newEmail == null ? email : newEmail.isBlank() ? null : newEmail.trim();
        String nextPhone = newPhone == null ? phone : newPhone.isBlank() ? null : newPhone.trim();
        String nextNationalId = newNationalId == null ? nationalId : newNationalId.isBlank() ? null
                : newNationalId.trim();
        validate(externalId, nextName, nextEmail, nextPhone, nextNationalId, region);
        Set<String> changed = new LinkedHashSet<>();
        if (!nextName.equals(name)) {
            changed.add("name");
        }
        if (!Objects.equals(nextEmail, email)) {
            changed.add("email");
        }
        if (!Objects.equals(nextPhone, phone)) {
            changed.add("phone");
        }
        if (!Objects.equals(nextNationalId, nationalId)) {
            changed.add("nationalId");
        }
        name = nextName;
        email = nextEmail;
        phone = nextPhone;
        nationalId = nextNationalId;
        return changed;
    }

    /** A phone number's digits alone: how two spellings of one number are compared. */
    public static String phoneDigits(String phone) {
        return phone == null ? "" : phone.replaceAll("[^0-9]", "");
    }

    /** An e-mail address as look-ups compare it: trimmed, lower case (the index customer_email_lookup_idx). */
    public static String emailKey(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    /** A name as look-ups compare it: trimmed, single spaces, lower case. */
    public static String nameKey(String name) {
        return name == null ? "" : name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static void validate(String externalId, String name, String email, String phone, String nationalId,
            Region region) {
        RuleCheck check = new RuleCheck()
                .requireText(name, "name", 200)
                .require(region != null, "region", "is required; one of " + Region.allowedValues());
        if (externalId != null) {
            check.require(EXTERNAL_ID.matcher(externalId).matches(), "externalId",
                    "must be 1-64 letters, digits or . _ : - and start with a letter or digit");
        }
        if (email != null) {
            check.require(email.length() <= 254 && EMAIL.matcher(email.trim()).matches(), "email",
                    "must be an e-mail address such as jane.doe@example.com");
        }
        if (phone != null) {
            String digits = phoneDigits(phone);
            check.require(PHONE.matcher(phone.trim()).matches() && digits.length() >= 6 && digits.length() <= 15,
                    "phone", "must be a phone number with 6 to 15 digits, e.g. +44 20 7946 0958");
        }
        if (nationalId != null) {
            check.require(NATIONAL_ID.matcher(nationalId.trim()).matches(), "nationalId",
                    "must be 5-32 letters, digits or . / - and spaces, e.g. 123-45-6789 or AB123456C");
        }
        check.throwIfAny();
    }

    public Long getId() {
        return id;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getNationalId() {
        return nationalId;
    }

    public Region getRegion() {
        return region;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getErasedAt() {
        return erasedAt;
    }

    public Long getMergedInto() {
        return mergedInto;
    }

    public Instant getMergedAt() {
        return mergedAt;
    }

    public boolean isTombstone() {
        return mergedInto != null;
    }

    /**
     * Makes this record a tombstone of {@code survivor} (a duplicate of the same person). Its fields stay (erasing
     * the survivor erases them too); what it owned moves to the survivor (the merge service does that).
     */
    public void mergeInto(Customer survivor, Instant now) {
        new RuleCheck()
                .require(survivor != null && !Objects.equals(survivor.getId(), id), "duplicateId",
                        "must be another customer: a record cannot be merged into itself")
                .require(mergedInto == null, "duplicateId", "was already merged into customer " + mergedInto)
                .require(survivor == null || survivor.mergedInto == null, "customerId", "was itself merged into"
                        + " customer " + (survivor == null ? null : survivor.mergedInto) + "; merge into that one")
                .require(erasedAt == null && (survivor == null || survivor.erasedAt == null), "customerId",
                        "an erased record cannot take part in a merge")
                .throwIfAny();
        this.mergedInto = survivor.getId();
        this.mergedAt = now;
    }

    public long getVersion() {
        return version;
    }
}
