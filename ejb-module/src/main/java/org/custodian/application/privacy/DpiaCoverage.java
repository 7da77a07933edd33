package org.custodian.application.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.custodian.application.privacy.PrivacyRecordsService.DpiaLink;
import org.custodian.application.privacy.PrivacyRecordsService.Purpose;
import org.custodian.domain.model.privacy.DpiaRepository;
import org.custodian.domain.model.privacy.DpiaVersion;

/** Which DPIAs cover which purposes of the records of processing: a purpose is covered by name (#25). */
@ApplicationScoped
public class DpiaCoverage {

    @Inject
    DpiaRepository dpias;

    private final Clock clock = Clock.systemUTC();

    /** The purposes, each with the assessments whose current version names it (ignoring case). */
    public List<Purpose> linked(List<Purpose> purposes) {
        List<DpiaVersion> current = dpias.currentVersions();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<Purpose> linked = new ArrayList<>();
        for (Purpose purpose : purposes) {
            String key = purpose.name().toLowerCase(Locale.ROOT);
            List<DpiaLink> links = current.stream()
                    .filter(v -> v.getPurposes().stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(key)))
                    .map(v -> link(v, today)).toList();
            linked.add(new Purpose(purpose.name(), purpose.legalBasis(), links));
        }
        return linked;
    }

    private DpiaLink link(DpiaVersion current, LocalDate today) {
        Long signed = dpias.versions(current.getDpiaId()).stream().filter(v -> v.getSignedOffBy() != null)
                .map(DpiaVersion::getVersion).reduce((a, b) -> b).orElse(null);
        return new DpiaLink(current.getDpiaId(), current.getVersion(), current.getTitle(), current.status(today),
                current.getReviewDate(), current.isReviewDue(today), signed,
                "/api/v1/privacy/dpias/" + current.getDpiaId());
    }
}
