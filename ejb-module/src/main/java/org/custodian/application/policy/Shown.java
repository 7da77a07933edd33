package org.custodian.application.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.domain.model.policy.Classification;
import org.custodian.domain.model.policy.FieldMasks;
import org.custodian.domain.model.policy.FieldPolicy.ClassifiedField;
import org.custodian.domain.model.policy.MaskStyle;
import org.custodian.domain.model.policy.Visibility;

/**
 * Builds one record's output under a {@link Decision}: FULL fields as stored, MASKED ones in their type-aware
 * masked form, HIDDEN ones absent (not null), REVEALABLE ones masked unless the caller revealed them on this record
 * (then in full). Also notes what was revealed, for the audit trail.
 */
public final class Shown {

    private final Decision decision;
    private final String entity;
    private final Map<String, Object> body = new LinkedHashMap<>();
    private final List<String> revealed = new ArrayList<>();
    private final List<String> withheldPersonal = new ArrayList<>();
    private final Set<Classification> revealedPersonal =
            EnumSet.noneOf(Classification.class);

    Shown(Decision decision, String entity) {
        this.decision = decision;
        this.entity = entity;
    }

    /** Identity and concurrency fields (ids, versions): not data about anyone, always present. */
    public Shown structural(String field, Object value) {
        body.put(field, value);
        return this;
    }

    /**
     * A note about shown text fields, not data about anyone (e.g. which kinds of data were removed from them when
     * they were written): present only when there is something to say and one of {@code aboutFields} is shown, so
     * a caller who may not see the text learns nothing about it either.
     */
    public Shown note(String field, List<?> value, String... aboutFields) {
        if (value == null || value.isEmpty()) {
            return this;
        }
        for (String about : aboutFields) {
            if (body.containsKey(about)) {
                body.put(field, value);
                return this;
            }
        }
        return this;
    }

    /** A classified field; non-text values have no partial form and are left out when MASKED. */
    public Shown field(String field, Object value) {
        return text(field, value, null);
    }

    /**
     * A classified field with a stored masked copy (free text whose PII spans were masked when it was written):
     * the copy is what a MASKED caller sees, and what their search runs against.
     */
    public Shown text(String field, Object value, String storedMaskedCopy) {
        ClassifiedField classified = decision.policy().field(entity, field);
        // REVEALABLE is shown MASKED unless this caller revealed the field on this record (#23)
        Visibility visibility = decision.shownOf(entity, field);
        boolean byReveal = visibility == Visibility.FULL
                && decision.visibilities().get(classified.classification()) == Visibility.REVEALABLE;
        Object output = null;
        if (visibility == Visibility.FULL) {
            output = value;
        } else if (visibility == Visibility.MASKED && value != null) {
            if (storedMaskedCopy != null && classified.maskStyle() == MaskStyle.FREE_TEXT) {
                output = storedMaskedCopy;
            } else if (value instanceof String text) {
                output = FieldMasks.mask(classified.maskStyle(), text);
            }
        }
        boolean present = visibility != Visibility.HIDDEN && (output != null || value == null);
        if (present) {
            body.put(field, output);
            // ~revealed: shown in full because of the caller's reveal grant, not their role (access reports)
            revealed.add(field + (visibility == Visibility.MASKED ? "~masked" : byReveal ? "~revealed" : ""));
            if (classified.classification().isPersonal() && value != null) {
                revealedPersonal.add(classified.classification());
            }
        } else if (classified.classification().isPersonal()) {
            withheldPersonal.add(field);
        }
        return this;
    }

    public Map<String, Object> body() {
        return Collections.unmodifiableMap(body);
    }

    /** For the read's audit event: the basis first, then each field shown ({@code ~masked} when masked). */
    public List<String> auditEntries() {
        List<String> entries = new ArrayList<>(revealed.size() + 1);
        entries.add(decision.basisEntry());
        if (decision.region() != null) {
            entries.add("region=" + decision.region());
        }
        // which kinds of personal data this read revealed, for access reports by classification
        revealedPersonal.forEach(classification -> entries.add("class=" + classification));
        entries.addAll(revealed);
        return entries;
    }

    /** Personal fields left out because of the decision (for the DENIED event of a read without transfer rule). */
    public List<String> withheldPersonal() {
        return Collections.unmodifiableList(withheldPersonal);
    }

    public Decision decision() {
        return decision;
    }
}
