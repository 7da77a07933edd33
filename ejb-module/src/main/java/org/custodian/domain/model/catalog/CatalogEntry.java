package org.custodian.domain.model.catalog;

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
import org.custodian.domain.shared.ChangeTracked;
import org.custodian.domain.shared.DisplayName;
import org.custodian.domain.shared.RuleCheck;

/**
 * One entry of a master list: a code tickets carry (HARDWARE, LTP-4410, BER-01), its name and owner team. The code
 * never changes (tickets refer to it); retiring keeps it on the tickets that have it and off new ones.
 */
@Entity
@Table(name = "catalog_entry")
@NamedQuery(name = "CatalogEntry.find",
        query = "SELECT e FROM CatalogEntry e WHERE e.kind = :kind AND e.code = :code")
@NamedQuery(name = "CatalogEntry.listAll",
        query = "SELECT e FROM CatalogEntry e WHERE e.kind = :kind ORDER BY e.code")
@NamedQuery(name = "CatalogEntry.listActive",
        query = "SELECT e FROM CatalogEntry e WHERE e.kind = :kind AND e.retiredAt IS NULL ORDER BY e.code")
public class CatalogEntry extends ChangeTracked {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "catalog_entry_seq")
    @SequenceGenerator(name = "catalog_entry_seq", sequenceName = "catalog_entry_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CatalogKind kind;

    @Column(nullable = false, length = 40)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "owner_team", length = 40)
    private String ownerTeam;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected CatalogEntry() {
        // for JPA
    }

    /** A new active entry; the caller checked that the owner team exists. */
    public CatalogEntry(CatalogKind kind, String code, String name, String ownerTeam, Instant now) {
        super(now);
        new RuleCheck()
                .require(kind.wellFormed(code), "code", "must be " + kind.format())
                .requireText(name, "name", 200)
                .require(ownerTeam != null && !ownerTeam.isBlank(), "ownerTeam",
                        "is required: the key of the team that answers for this " + kind.word())
                .throwIfAny();
        this.kind = kind;
        this.code = code;
        this.name = name.trim();
        this.ownerTeam = ownerTeam;
    }

    /** Renames the entry; true if the name changed. */
    public boolean rename(String newName, Instant now) {
        return DisplayName.rename(name, newName, changed -> {
            name = changed;
            changed(now);
        });
    }

    /** Hands the entry to another team (the caller checked it exists); true if the owner changed. */
    public boolean handTo(String team, Instant now) {
        if (team.equals(ownerTeam)) {
            return false;
        }
        ownerTeam = team;
        changed(now);
        return true;
    }

    /** Retires or reactivates the entry; true if its state changed. */
    public boolean retire(boolean retired, Instant now) {
        if (retired == isRetired()) {
            return false;
        }
        retiredAt = retired ? now : null;
        changed(now);
        return true;
    }

    public boolean isRetired() {
        return retiredAt != null;
    }

    public Long getId() {
        return id;
    }

    public CatalogKind getKind() {
        return kind;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getOwnerTeam() {
        return ownerTeam;
    }

    public Instant getRetiredAt() {
        return retiredAt;
    }
}
