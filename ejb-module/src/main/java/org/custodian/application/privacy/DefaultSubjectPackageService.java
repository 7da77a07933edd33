package org.custodian.application.privacy;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.shared.Caller;
import org.custodian.application.shared.ConflictException;
import org.custodian.application.shared.GoneException;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.domain.model.attachment.Attachment;
import org.custodian.domain.model.attachment.AttachmentKeys;
import org.custodian.domain.model.attachment.AttachmentRepository;
import org.custodian.domain.model.attachment.AttachmentVault;
import org.custodian.domain.model.audit.AuditEvent;
import org.custodian.domain.model.audit.AuditEventRepository;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.audit.AuditPrunePointRepository;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.CustomerMergeRepository;
import org.custodian.domain.model.customer.CustomerRepository;
import org.custodian.domain.model.privacy.ConsentRecord;
import org.custodian.domain.model.privacy.ConsentRepository;
import org.custodian.domain.model.privacy.PrivacyRequest;
import org.custodian.domain.model.privacy.PrivacyRequestRepository;
import org.custodian.domain.model.privacy.PrivacyRequestStatus;
import org.custodian.domain.model.privacy.PrivacyRequestType;
import org.custodian.domain.model.privacy.RestrictionRepository;
import org.custodian.domain.model.privacy.SubjectPackage;
import org.custodian.domain.model.privacy.SubjectPackageRepository;
import org.custodian.domain.model.ticket.Comment;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketRepository;
import org.custodian.domain.shared.DomainRuleViolationException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Stateless
public class DefaultSubjectPackageService implements SubjectPackageService {

    /** Access-log events read per record: far more than a person's records see, bounded all the same. */
    static final int EVENTS_PER_RECORD = 10_000;

    private static final SecureRandom RANDOM = new SecureRandom();

    @EJB
    private PolicyService policy;

    @EJB
    private AuditService audit;

    @Inject
    private PrivacyRequestRepository requests;

    @Inject
    private SubjectPackageRepository packages;

    @Inject
    private CustomerRepository customers;

    @Inject
    private TicketRepository tickets;

    @Inject
    private ConsentRepository consents;

    @Inject
    private RestrictionRepository restrictions;

    @Inject
    private CustomerMergeRepository merges;

    @Inject
    private AuditEventRepository events;

    @Inject
    private AuditPrunePointRepository prunePoints;

    @Inject
    private AttachmentRepository attachments;

    @Inject
    private AttachmentKeys attachmentKeys;

    @Inject
    private AttachmentVault vault;

    @Inject
    @ConfigProperty(name = "custodian.privacy.package-directory")
    Optional<String> directoryText;

    @Inject
    @ConfigProperty(name = "custodian.privacy.package-validity", defaultValue = "P7D")
    Duration validity;

    private Path directory;

    private final Clock clock = Clock.systemUTC();

    @PostConstruct
    void resolveDirectory() {
        directory = directoryText.filter(text -> !text.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "custodian-subject-packages"));
    }

    @Override
    public Prepared prepare(Caller caller, long requestId) {
        policy.enforce(caller, Permission.PRIVACY_REQUEST_MANAGE, AuditActions.PRIVACY_REQUEST,
                String.valueOf(requestId));
        PrivacyRequest request = requests.find(requestId).orElseThrow(() -> new ResourceNotFoundException(
                "privacy request", requestId));
        if (request.getType() != PrivacyRequestType.ACCESS && request.getType() != PrivacyRequestType.PORTABILITY) {
            throw new DomainRuleViolationException("type", "request " + requestId + " is " + request.getType()
                    + "; packages answer ACCESS and PORTABILITY requests");
        }
        if (request.getStatus() != PrivacyRequestStatus.IN_PROGRESS) {
            throw new DomainRuleViolationException("status", "request " + requestId + " is " + request.getStatus()
                    + "; verify the identity and start it first (only IN_PROGRESS requests get a package)");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = now();
        SubjectPackage created = new SubjectPackage(requestId, sha256(token), caller.username(), now,
                now.plus(validity));
        packages.store(created);
        audit.record(caller, AuditActions.PRIVACY_REQUEST + "_PACKAGE", AuditActions.PRIVACY_REQUEST,
                String.valueOf(requestId), List.of("package=" + created.getId(), "expiresAt=" + created.getExpiresAt()),
                AuditOutcome.SUCCESS);
        return new Prepared(view(created), "/api/v1/privacy/packages/" + token);
    }

    @Override
    public void startedAs(long packageId, long executionId) {
        packages.find(packageId).ifPresent(found -> found.startedAs(executionId));
    }

    @Override
    public PackageView build(long packageId, Caller job) {
        SubjectPackage target = packages.find(packageId).orElseThrow(() -> new ResourceNotFoundException(
                "subject package", packageId));
        if (target.getStatus() == SubjectPackage.Status.READY || target.getStatus() == SubjectPackage.Status.EXPIRED) {
            return view(target); // a restart after the package was written: nothing to do
        }
        PrivacyRequest request = requests.find(target.getRequestId()).orElseThrow(
                () -> new ResourceNotFoundException("privacy request", target.getRequestId()));
        SubjectPackageContent[] built = new SubjectPackageContent[1];
        try {
            Path written = write(packageId, zip -> {
                SubjectPackageContent content = collect(request, zip);
                built[0] = content;
                Map<String, byte[]> files = new LinkedHashMap<>();
                files.put("subject-data.json", content.json().getBytes(StandardCharsets.UTF_8));
                files.put("subject-data.html", content.html().getBytes(StandardCharsets.UTF_8));
                StringBuilder sums = new StringBuilder();
                files.forEach((name, bytes) -> sums.append(sha256(bytes)).append("  ").append(name).append('\n'));
                // the attachment files are in the ZIP already; sha256sum -c checks them too
                content.attachmentFiles().forEach(file -> sums.append(file.sha256()).append("  ")
                        .append(file.path()).append('\n'));
                files.put("SHA256SUMS", sums.toString().getBytes(StandardCharsets.UTF_8));
                return files;
            });
            target.ready(Files.size(written), sha256(Files.readAllBytes(written)), now());
        } catch (IOException e) {
            throw new UncheckedIOException("writing package " + packageId + " into " + directory + " failed: "
                    + e.getMessage(), e);
        }
        SubjectPackageContent content = built[0];
        audit.record(job, AuditActions.PRIVACY_REQUEST + "_PACKAGE_BUILT", AuditActions.PRIVACY_REQUEST,
                String.valueOf(request.getId()), List.of("package=" + packageId, "records=" + content.records(),
                        "tickets=" + content.tickets(), "comments=" + content.comments(),
                        "accessEvents=" + content.accessEvents(), "attachments=" + content.attachmentFiles().size(),
                        "attachmentsUnavailable=" + content.attachmentFiles().stream()
                                .filter(file -> file.path() == null).count()), AuditOutcome.SUCCESS);
        return view(target);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void markFailed(long packageId, Caller job, String why) {
        packages.find(packageId).ifPresent(failed -> {
            failed.failed(why);
            audit.record(job, AuditActions.PRIVACY_REQUEST + "_PACKAGE_BUILT",
                    AuditActions.PRIVACY_REQUEST, String.valueOf(failed.getRequestId()),
                    List.of("package=" + packageId), AuditOutcome.FAILURE);
        });
    }

    @Override
    public PackageView revoke(Caller caller, long requestId, long packageId, String reason) {
        policy.enforce(caller, Permission.PRIVACY_REQUEST_MANAGE, AuditActions.PRIVACY_REQUEST,
                String.valueOf(requestId));
        SubjectPackage found = packages.find(packageId).filter(p -> p.getRequestId() == requestId)
                .orElseThrow(() -> new ResourceNotFoundException("subject package", packageId + " of request "
                        + requestId));
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new DomainRuleViolationException("reason", "say why the link is revoked (at most 500 characters)");
        }
        if (found.getStatus() == SubjectPackage.Status.EXPIRED) {
            throw new ConflictException("package " + packageId + " already expired or was revoked");
        }
        revoke(found);
        audit.record(caller, AuditActions.PRIVACY_REQUEST + "_PACKAGE_REVOKE", AuditActions.PRIVACY_REQUEST,
                String.valueOf(requestId), List.of("package=" + packageId), AuditOutcome.SUCCESS);
        return view(found);
    }

    @Override
    public int revokeForCustomers(Collection<Long> customerIds, String reason) {
        List<SubjectPackage> live = packages.liveOfCustomers(customerIds);
        for (SubjectPackage found : live) {
            revoke(found);
            audit.record(Caller.system("erasure", null), AuditActions.PRIVACY_REQUEST + "_PACKAGE_REVOKE",
                    AuditActions.PRIVACY_REQUEST, String.valueOf(found.getRequestId()),
                    List.of("package=" + found.getId(), "reason=" + reason), AuditOutcome.SUCCESS);
        }
        return live.size();
    }

    /** The file goes first: a package marked EXPIRED never has a file left to serve. */
    private void revoke(SubjectPackage found) {
        try {
            Files.deleteIfExists(file(found.getId()));
            Files.deleteIfExists(directory.resolve(found.getId() + ".zip.partial"));
        } catch (IOException e) {
            throw new UncheckedIOException("deleting package " + found.getId() + " failed: " + e.getMessage(), e);
        }
        found.expired();
    }

    @Override
    public List<PackageView> packages(Caller caller, long requestId) {
        policy.enforce(caller, Permission.PRIVACY_REQUEST_MANAGE, AuditActions.PRIVACY_REQUEST,
                String.valueOf(requestId));
        requests.find(requestId).orElseThrow(() -> new ResourceNotFoundException("privacy request", requestId));
        return packages.byRequest(requestId).stream().map(DefaultSubjectPackageService::view).toList();
    }

    @Override
    public Download download(String token, String clientAddress) {
        SubjectPackage found = token == null || token.length() > 100 ? null
                : packages.findByTokenForUpdate(sha256(token)).orElse(null);
        if (found == null) {
            audit.record(Caller.anonymous("subject-download", null, clientAddress),
                    AuditActions.PRIVACY_PACKAGE_DOWNLOAD, AuditActions.PRIVACY_REQUEST, null, List.of("unknown link"),
                    AuditOutcome.DENIED);
            // the token is never echoed: it is a secret, and the problem body may be logged
            throw new ResourceNotFoundException("subject package", "behind this link (ask the privacy officer for a"
                    + " new link)");
        }
        Caller subject = Caller.anonymous("subject-download", null, clientAddress);
        if (found.isExpiredAt(now())) {
            audit.record(subject, AuditActions.PRIVACY_PACKAGE_DOWNLOAD, AuditActions.PRIVACY_REQUEST,
                    String.valueOf(found.getRequestId()), List.of("package=" + found.getId(), "expired"),
                    AuditOutcome.DENIED);
            throw new GoneException("this link expired at " + found.getExpiresAt() + " and its package was deleted;"
                    + " ask the privacy officer for a new one");
        }
        PrivacyRequest request = requests.find(found.getRequestId()).orElse(null);
        if (request == null || request.getStatus() == PrivacyRequestStatus.REJECTED
                || !Files.isReadable(file(found.getId())) && found.getStatus() == SubjectPackage.Status.READY) {
            audit.record(subject, AuditActions.PRIVACY_PACKAGE_DOWNLOAD, AuditActions.PRIVACY_REQUEST,
                    String.valueOf(found.getRequestId()), List.of("package=" + found.getId(), "withdrawn"),
                    AuditOutcome.DENIED);
            throw new GoneException("this package is no longer available (the request was rejected or the file"
                    + " removed); ask the privacy officer for a new link");
        }
        if (found.getStatus() != SubjectPackage.Status.READY) {
            throw new ConflictException(found.getStatus() == SubjectPackage.Status.BUILDING
                    ? "the package is still being built; try again in a few minutes"
                    : "building the package failed; the privacy officer has been told and will send a new link");
        }
        found.downloaded();
        audit.record(subject, AuditActions.PRIVACY_PACKAGE_DOWNLOAD, AuditActions.PRIVACY_REQUEST,
                String.valueOf(found.getRequestId()), List.of("package=" + found.getId(),
                        "download=" + found.getDownloads(), "sha256=" + found.getContentSha256()),
                AuditOutcome.SUCCESS);
        return new Download(file(found.getId()), "custodian-subject-data-" + found.getRequestId() + ".zip",
                found.getSizeBytes());
    }

    @Override
    public int expire() {
        List<SubjectPackage> due = packages.expiredBefore(now());
        int expired = 0;
        for (SubjectPackage stale : due) {
            try {
                revoke(stale);
                expired++;
            } catch (UncheckedIOException e) {
                // one stuck file must not keep the others: this one is tried again next hour
                Logger.getLogger(DefaultSubjectPackageService.class.getName()).warning(
                        e.getMessage());
                continue;
            }
            audit.record(Caller.system("subject-package-expiry", null), AuditActions.PRIVACY_REQUEST
                    + "_PACKAGE_EXPIRED", AuditActions.PRIVACY_REQUEST, String.valueOf(stale.getRequestId()),
                    List.of("package=" + stale.getId()), AuditOutcome.SUCCESS);
        }
        return expired;
    }

    /** Everything about the subject's records, as the package shows it; their attachments go into the ZIP. */
    private SubjectPackageContent collect(PrivacyRequest request, ZipOutputStream zip) throws IOException {
        List<Customer> records = new ArrayList<>();
        // records merged with the subject's since the request came in are theirs too, with the history kept under
        // their ids (audit events are never rewritten to the survivor's id)
        for (Long id : new TreeSet<>(merges.withMerged(request.getSubjectCustomerIds()))) {
            customers.find(id).ifPresent(records::add);
        }
        Set<Long> ids = new TreeSet<>();
        records.forEach(customer -> ids.add(customer.getId()));
        List<Ticket> theirTickets = tickets.ofCustomers(ids);
        Map<Long, List<Comment>> comments = new LinkedHashMap<>();
        List<AuditEvent> accesses = new ArrayList<>();
        for (Customer customer : records) {
            accesses.addAll(events.findAboutCustomer(customer.getId(), EVENTS_PER_RECORD));
        }
        for (Ticket ticket : theirTickets) {
            comments.put(ticket.getId(), tickets.commentsOf(ticket.getId()));
            accesses.addAll(events.findAboutTicket(ticket.getId(), EVENTS_PER_RECORD));
        }
        accesses.sort((a, b) -> Long.compare(a.getSequence(), b.getSequence()));
        Set<Long> restricted = new TreeSet<>();
        restrictions.activeOf(ids).forEach(r -> restricted.add(r.getCustomerId()));
        List<ConsentRecord> consentHistory = new ArrayList<>();
        ids.forEach(id -> consentHistory.addAll(consents.history(id)));
        List<Attachment> files = new ArrayList<>();
        theirTickets.forEach(ticket -> files.addAll(attachments.forTicket(ticket.getId())));
        List<SubjectPackageAttachments.Packaged> packaged = SubjectPackageAttachments.write(zip, files, attachmentKeys,
                vault, SubjectPackageContent.ownValues(records), directory);
        return SubjectPackageContent.of(request, now(), records, restricted, theirTickets, comments, consentHistory,
                dedupe(accesses), prunePoints.latest().map(point -> point.getCutoff()).orElse(null), packaged);
    }

    private static List<AuditEvent> dedupe(List<AuditEvent> sorted) {
        List<AuditEvent> unique = new ArrayList<>(sorted.size());
        long last = -1;
        for (AuditEvent event : sorted) {
            if (event.getSequence() != last) {
                unique.add(event);
                last = event.getSequence();
            }
        }
        return unique;
    }

    /** What goes into the ZIP: streams some entries itself, returns the documents to add after them. */
    @FunctionalInterface
    private interface Body {
        Map<String, byte[]> into(ZipOutputStream zip) throws IOException;
    }

    /** Written beside its final name and moved into place, owner-readable only where the file system allows. */
    private Path write(long packageId, Body body) throws IOException {
        Files.createDirectories(directory);
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory keeps its defaults
        }
        Path partial = directory.resolve(packageId + ".zip.partial");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
            for (Map.Entry<String, byte[]> entry : body.into(zip).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return Files.move(partial, file(packageId), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private Path file(long packageId) {
        return directory.resolve(packageId + ".zip");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static PackageView view(SubjectPackage p) {
        return new PackageView(p.getId(), p.getRequestId(), p.getStatus().name(), p.getJobExecutionId(),
                p.getCreatedAt(), p.getExpiresAt(), p.getReadyAt(), p.getSizeBytes(), p.getContentSha256(),
                p.getDownloads(), p.getFailure());
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
