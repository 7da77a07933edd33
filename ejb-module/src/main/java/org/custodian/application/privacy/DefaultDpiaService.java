package org.custodian.application.privacy;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.AccessDeniedException;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ConflictException;
import org.custodian.application.shared.Inputs;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.application.shared.StaleVersionException;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.privacy.Dpia;
import org.custodian.domain.model.privacy.DpiaRepository;
import org.custodian.domain.model.privacy.DpiaRisk;
import org.custodian.domain.model.privacy.DpiaVersion;
import org.custodian.domain.model.privacy.RiskLevel;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.custodian.domain.shared.FieldViolation;
import org.custodian.domain.shared.RuleCheck;

@Stateless
public class DefaultDpiaService implements DpiaService {

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private DpiaRepository dpias;

    @Inject
    private ProcessingPurposes purposes;

    private final Clock clock = Clock.systemUTC();

    @Override
    public List<DpiaView> list(Caller caller) {
        policy.enforce(caller, Permission.DPIA_READ, PrivacyObligationActions.DPIA, "list");
        List<DpiaView> views = new ArrayList<>();
        for (DpiaVersion current : dpias.currentVersions()) {
            views.add(view(current, current.getVersion(), signedOff(current.getDpiaId())));
        }
        views.sort(Comparator.comparing(DpiaView::reviewDate).thenComparing(DpiaView::id));
        return views;
    }

    @Override
    public DpiaView create(Caller caller, DpiaInput input) {
        policy.enforce(caller, Permission.DPIA_MANAGE, PrivacyObligationActions.DPIA, "new");
        DpiaVersion.Content content = content(input);
        Instant now = now();
        Dpia dpia = new Dpia(caller.username(), now);
        // content(input) checked everything: no refused first version leaves an empty assessment behind
        dpias.store(dpia);
        DpiaVersion first = new DpiaVersion(dpia.getId(), 1, content, caller.username(), now, today());
        dpias.store(first);
        record(caller, PrivacyObligationActions.DPIA_CREATE, first, dpia.getId());
        return view(first, 1, null);
    }

    @Override
    public DpiaView get(Caller caller, long id) {
        policy.enforce(caller, Permission.DPIA_READ, PrivacyObligationActions.DPIA, String.valueOf(id));
        Dpia dpia = dpias.find(id).orElseThrow(() -> notFound(id));
        return view(current(dpia), dpia.getCurrentVersion(), signedOff(id));
    }

    @Override
    public DpiaView revise(Caller caller, long id, DpiaInput input, Long expectedVersion) {
        policy.enforce(caller, Permission.DPIA_MANAGE, PrivacyObligationActions.DPIA, String.valueOf(id));
        DpiaVersion.Content content = content(input);
        Dpia dpia = dpias.findForUpdate(id).orElseThrow(() -> notFound(id));
        StaleVersionException.check("DPIA " + id, expectedVersion, dpia.getCurrentVersion());
        Instant now = now();
        DpiaVersion next = new DpiaVersion(id, dpia.getCurrentVersion() + 1, content, caller.username(), now,
                today());
        dpia.nextVersion();
        dpias.store(next);
        record(caller, PrivacyObligationActions.DPIA_CHANGE, next, id);
        return view(next, next.getVersion(), signedOff(id));
    }

    @Override
    public List<DpiaView> versions(Caller caller, long id) {
        policy.enforce(caller, Permission.DPIA_READ, PrivacyObligationActions.DPIA, String.valueOf(id));
        Dpia dpia = dpias.find(id).orElseThrow(() -> notFound(id));
        Long signed = signedOff(id);
        return dpias.versions(id).stream().map(v -> view(v, dpia.getCurrentVersion(), signed)).toList();
    }

    @Override
    public DpiaView version(Caller caller, long id, long version) {
        policy.enforce(caller, Permission.DPIA_READ, PrivacyObligationActions.DPIA, id + "/" + version);
        Dpia dpia = dpias.find(id).orElseThrow(() -> notFound(id));
        DpiaVersion found = dpias.version(id, version).orElseThrow(() -> new ResourceNotFoundException(
                "version of DPIA " + id, version));
        return view(found, dpia.getCurrentVersion(), signedOff(id));
    }

    @Override
    public DpiaView signOff(Caller caller, long id, Long version, String note) {
        policy.enforce(caller, Permission.DPIA_SIGN_OFF, PrivacyObligationActions.DPIA, String.valueOf(id));
        new RuleCheck().require(version != null && version > 0, "version", "name the version you read and sign off"
                + " (a whole number)").optionalText(note, "note", 1000).throwIfAny();
        Dpia dpia = dpias.findForUpdate(id).orElseThrow(() -> notFound(id));
        DpiaVersion current = current(dpia);
        if (version != current.getVersion()) {
            throw new ConflictException("DPIA " + id + " is at version " + current.getVersion() + ", not " + version
                    + "; read the current version and sign that off");
        }
        if (current.getSignedOffBy() != null) {
            throw new ConflictException(current.signOffRefusal(caller.username()));
        }
        String refusal = current.signOffRefusal(caller.username());
        if (refusal != null) {
            // a 403 keeps the transaction: the refused attempt stays in the trail
            audit.record(caller, PrivacyObligationActions.DPIA_SIGN_OFF, PrivacyObligationActions.DPIA,
                    String.valueOf(id), List.of("version=" + version, "refused=four-eyes"), AuditOutcome.DENIED);
            throw new AccessDeniedException(refusal);
        }
        current.signOff(caller.username(), note, now());
        audit.record(caller, PrivacyObligationActions.DPIA_SIGN_OFF, PrivacyObligationActions.DPIA,
                String.valueOf(id), List.of("version=" + version, "writtenBy=" + current.getWrittenBy(),
                        "residualRisk=" + current.getResidualRisk()), AuditOutcome.SUCCESS);
        return view(current, current.getVersion(), current.getVersion());
    }

    /** The input as domain values; every malformed or unknown value is a 422 naming its field. */
    private DpiaVersion.Content content(DpiaInput input) {
        RuleCheck check = new RuleCheck();
        List<DpiaRisk> risks = new ArrayList<>();
        List<RiskInput> given = input.risks() == null ? List.of() : input.risks();
        for (int at = 0; at < given.size(); at++) {
            RiskInput risk = given.get(at);
            String field = "risks[" + at + "]";
            risks.add(new DpiaRisk(risk.description(),
                    Inputs.enumValue(RiskLevel.class, risk.likelihood(), field + ".likelihood", false, check),
                    Inputs.enumValue(RiskLevel.class, risk.severity(), field + ".severity", false, check),
                    risk.measures()));
        }
        RiskLevel residual = Inputs.enumValue(RiskLevel.class, input.residualRisk(), "residualRisk", false, check);
        LocalDate review = null;
        if (input.reviewDate() != null && !input.reviewDate().isBlank()) {
            try {
                review = LocalDate.parse(input.reviewDate().trim());
            } catch (DateTimeParseException e) {
                check.require(false, "reviewDate", "must be a date such as 2027-06-30");
            }
        }
        // the purposes must be those of the records of processing, so the records can link to the assessment
        Set<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        known.addAll(purposes.names());
        List<String> named = new ArrayList<>();
        for (String name : input.purposes() == null ? List.<String>of() : input.purposes()) {
            String trimmed = name == null ? "" : name.trim();
            check.require(trimmed.isEmpty() || known.contains(trimmed), "purposes", "'" + trimmed + "' is not a"
                    + " purpose of the records of processing; one of " + purposes.names());
            String canonical = purposes.names().stream().filter(n -> n.equalsIgnoreCase(trimmed)).findFirst()
                    .orElse(trimmed);
            named.add(canonical);
        }
        DpiaVersion.Content content = new DpiaVersion.Content(input.title(), input.processing(),
                input.purposes() == null ? null : named, risks, residual, input.residualReason(), review,
                input.reason());
        // the values that could not be read, then every rule of the content: all at once, each field once
        List<FieldViolation> all = new ArrayList<>();
        try {
            check.throwIfAny();
        } catch (DomainRuleViolationException unreadable) {
            all.addAll(unreadable.getViolations());
        }
        try {
            DpiaVersion.validate(content, today());
        } catch (DomainRuleViolationException broken) {
            broken.getViolations().stream().filter(v -> all.stream().noneMatch(a -> a.field().equals(v.field())))
                    .forEach(all::add);
        }
        if (!all.isEmpty()) {
            throw new DomainRuleViolationException(all);
        }
        return content;
    }

    private DpiaVersion current(Dpia dpia) {
        return dpias.version(dpia.getId(), dpia.getCurrentVersion())
                .orElseThrow(() -> notFound(dpia.getId()));
    }

    private Long signedOff(long id) {
        return dpias.versions(id).stream().filter(v -> v.getSignedOffBy() != null).map(DpiaVersion::getVersion)
                .reduce((a, b) -> b).orElse(null);
    }

    private void record(Caller caller, String action, DpiaVersion version, long id) {
        audit.record(caller, action, PrivacyObligationActions.DPIA, String.valueOf(id), List.of(
                "version=" + version.getVersion(), "residualRisk=" + version.getResidualRisk(),
                "reviewDate=" + version.getReviewDate(), "risks=" + version.getRisks().size()), AuditOutcome.SUCCESS);
    }

    private DpiaView view(DpiaVersion v, long currentVersion, Long signedOffVersion) {
        LocalDate today = today();
        return new DpiaView(v.getDpiaId(), v.getVersion(), currentVersion, v.getTitle(), v.getProcessing(),
                v.getPurposes(), v.getRisks().stream().map(r -> new RiskView(r.getDescription(),
                        r.getLikelihood().name(), r.getSeverity().name(), r.level().name(), r.getMeasures())).toList(),
                v.getResidualRisk().name(), v.getResidualReason(), v.isPriorConsultationRequired(),
                v.getReviewDate(), v.isReviewDue(today), v.status(today), v.getReason(), v.getWrittenBy(),
                v.getWrittenAt(), v.getSignedOffBy(), v.getSignedOffAt(), v.getSignOffNote(), signedOffVersion);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private static ResourceNotFoundException notFound(long id) {
        return new ResourceNotFoundException("DPIA", id);
    }
}
