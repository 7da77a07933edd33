package org.custodian.application.imports;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.application.audit.AuditActions;
import org.custodian.application.audit.AuditService;
import org.custodian.application.catalog.CatalogService;
import org.custodian.application.pii.PiiService;
import org.custodian.application.pii.Redaction;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.audit.AuditOutcome;
import org.custodian.domain.model.catalog.CatalogKind;
import org.custodian.domain.model.customer.Customer;
import org.custodian.domain.model.customer.CustomerBatchRepository;
import org.custodian.domain.model.customer.CustomerRepository;
import org.custodian.domain.model.imports.ImportRepository;
import org.custodian.domain.model.imports.ImportRepository.Lineage;
import org.custodian.domain.model.imports.ImportRepository.RowResult;
import org.custodian.domain.model.imports.ImportUpload;
import org.custodian.domain.model.ticket.Comment;
import org.custodian.domain.model.ticket.CommentBatchRepository;
import org.custodian.domain.model.ticket.CommentChannel;
import org.custodian.domain.model.ticket.Ticket;
import org.custodian.domain.model.ticket.TicketBatchRepository;
import org.custodian.domain.model.ticket.TicketDetails;
import org.custodian.domain.model.ticket.TicketRepository;
import org.custodian.domain.shared.DomainRuleViolationException;

/**
 * Writes a chunk of checked rows in the caller's (the chunk's) transaction: a record is made only for an external id
 * the source's lineage does not know yet, so a row seen before (a second run of the file, a chunk run again after a
 * restart) changes nothing. Texts go through the redaction every stored text goes through; each record made, and
 * each redaction, is an audit event naming its lineage (the import, the row, the source and the external id), all
 * chained with the records in one transaction.
 */
@Stateless
public class ImportRows {

    static final String CREATED = "CREATED";
    static final String UNCHANGED = "UNCHANGED";
    static final String REJECTED = "REJECTED";

    @EJB
    private AuditService audit;

    @EJB
    private PiiService pii;

    @EJB
    private CatalogService catalog;

    @Inject
    private ImportRepository imports;

    @Inject
    private CustomerRepository customers;

    @Inject
    private TicketRepository tickets;

    @Inject
    private CommentBatchRepository comments;

    @Inject
    private CustomerBatchRepository newCustomers;

    @Inject
    private TicketBatchRepository newTickets;

    @EJB
    private org.custodian.application.webhook.WebhookEvents webhookEvents;

    @Inject
    private ParsedUploads parsed;

    private final Clock clock = Clock.systemUTC();

    /** What one chunk did, row by row. */
    public record Written(int created, int unchanged, int rejected) {
    }

    /** The staged upload without its file: what the job's writer needs. */
    public ImportUpload uploadInfo(long importId) {
        return imports.find(importId).orElseThrow(() -> new IllegalStateException("import " + importId
                + " is not staged"));
    }

    /** The staged upload, with its file. */
    public ImportUpload upload(long importId) {
        ImportUpload found = imports.find(importId).orElseThrow(() -> new IllegalStateException("import "
                + importId + " is not staged"));
        return new ImportUpload(found.id(), found.source(), found.format(), found.mapping(), found.region(),
                found.category(), imports.content(importId), found.rowCount(), found.status(), found.executionId(),
                found.createdBy(), found.createdAt(), found.finishedAt());
    }

    /** The rows of a staged upload, read as the dry run reads them. */
    public static List<ImportRow> rowsOf(ImportUpload upload) {
        return SourceRows.read(ImportFormat.valueOf(upload.format()), upload.content(),
                ImportMapping.parse(upload.mapping()), new SourceRows.Defaults(
                        org.custodian.domain.model.customer.Region.valueOf(upload.region()), upload.category()));
    }

    /**
     * The rows of one partition of a staged upload that have no recorded outcome yet, in file order: all of them at
     * the first start; after a failure or a stop, those the committed chunks did not cover (an outcome commits with
     * its row's records, so this is a checkpoint kept with the data, whatever the partition count is this time).
     */
    public List<ImportRow> pendingRows(long importId, int partition, int partitions) {
        BitSet done = imports.doneRows(importId);
        List<ImportRow> rows = ImportPartitions.of(parsed.rows(importId, () -> rowsOf(upload(importId))), partition,
                partitions);
        return done.isEmpty() ? rows : rows.stream().filter(row -> !done.get(row.row())).toList();
    }

    /** An execution (a start or a restart) works the upload. */
    public void running(long importId, long executionId) {
        imports.startedAs(importId, executionId);
    }

    /** The execution ended with this status; returns the counts as the job's exit status says them. */
    public String finish(long importId, String status) {
        parsed.forget(importId);
        imports.finish(importId, status);
        Map<String, Long> counts = imports.counts(importId);
        return "created=" + counts.getOrDefault(CREATED, 0L) + " unchanged=" + counts.getOrDefault(UNCHANGED, 0L)
                + " rejected=" + counts.getOrDefault(REJECTED, 0L);
    }

    public Written write(Caller caller, ImportUpload upload, List<ImportRow> rows) {
        Chunk chunk = new Chunk(caller, upload, rows);
        List<RowResult> results = new ArrayList<>(rows.size());
        for (ImportRow row : rows) {
            List<ImportProblem> problems = row.rejected() ? row.problems() : chunk.refusal(row);
            if (!problems.isEmpty()) {
                results.add(new RowResult(row.row(), row.line(), REJECTED, problemText(problems)));
                continue;
            }
            results.add(new RowResult(row.row(), row.line(), chunk.write(row) ? CREATED : UNCHANGED, null));
        }
        // customers, then their tickets (with the activity of the chunk's comments on them), then the comments
        newCustomers.insertAll(chunk.createdCustomers);
        newTickets.insertAll(chunk.createdTickets);
        tickets.flush(); // tickets of earlier chunks that took comments here
        chunk.storeComments();
        webhookEvents.customersChanged(org.custodian.application.webhook.WebhookEvents.CUSTOMER_CREATED,
                chunk.createdCustomers);
        imports.addLineage(upload.source(), chunk.lineage);
        imports.addResults(upload.id(), results);
        // last: the events are chained under the chain head's lock, held until the chunk commits, so that the
        // partitions of the step (and everyone else) wait for it only for this and the commit
        audit.recordAll(caller, chunk.events);
        int created = (int) results.stream().filter(r -> r.outcome().equals(CREATED)).count();
        int rejected = (int) results.stream().filter(r -> r.outcome().equals(REJECTED)).count();
        return new Written(created, results.size() - created - rejected, rejected);
    }

    static String problemText(List<ImportProblem> problems) {
        return problems.stream().map(p -> p.field() + ": " + p.problem()).collect(Collectors.joining("\n"));
    }

    /**
     * The state of one chunk: the lineage it knows (looked up once per kind) and what it made. New customers and
     * tickets are identified at once with ids reserved for the chunk (as many as it has unknown external ids, so
     * never too few; a rejected row leaves a gap in the ids, as the provider's unused blocks do) and written together
     * after the rows, so that their lineage and events keep their place in row order.
     */
    private final class Chunk {

        private final Caller caller;
        private final ImportUpload upload;
        private final Map<String, Lineage> knownCustomers;
        private final Map<String, Lineage> knownTickets;
        private final Map<String, Lineage> knownComments;
        private final Map<Long, Customer> customerRecords = new HashMap<>();
        private final Map<Long, Ticket> ticketRecords = new HashMap<>();
        private final Map<String, String> categoryRefusals = new HashMap<>();
        final List<AuditService.Entry> events = new ArrayList<>();
        final List<Lineage> lineage = new ArrayList<>();
        final List<Customer> createdCustomers = new ArrayList<>();
        final List<Ticket> createdTickets = new ArrayList<>();
        private final Iterator<Long> reservedCustomerIds;
        private final Iterator<Long> reservedTicketIds;
        /** Comments made, stored together after the tickets: their events wait at their place in the list. */
        private final List<PendingComment> pendingComments = new ArrayList<>();

        Chunk(Caller caller, ImportUpload upload, List<ImportRow> rows) {
            this.caller = caller;
            this.upload = upload;
            Set<String> customerIds = new LinkedHashSet<>();
            Set<String> ticketIds = new LinkedHashSet<>();
            Set<String> commentIds = new LinkedHashSet<>();
            for (ImportRow row : rows) {
                if (!row.rejected()) {
                    customerIds.add(row.customerExternalId());
                    ticketIds.add(row.ticketExternalId());
                    if (row.commentExternalId() != null) {
                        commentIds.add(row.commentExternalId());
                    }
                }
            }
            knownCustomers = imports.lineage(upload.source(), "CUSTOMER", customerIds);
            knownTickets = imports.lineage(upload.source(), "TICKET", ticketIds);
            knownComments = imports.lineage(upload.source(), "COMMENT", commentIds);
            customerIds.removeAll(knownCustomers.keySet());
            ticketIds.removeAll(knownTickets.keySet());
            reservedCustomerIds = (customerIds.isEmpty() ? List.<Long>of() : newCustomers.newIds(customerIds.size()))
                    .iterator();
            reservedTicketIds = (ticketIds.isEmpty() ? List.<Long>of() : newTickets.newIds(ticketIds.size()))
                    .iterator();
        }

        /** What only the database can say against a row: the category list, the state of its customer. */
        List<ImportProblem> refusal(ImportRow row) {
            List<ImportProblem> problems = new ArrayList<>();
            Lineage knownTicket = knownTickets.get(row.ticketExternalId());
            if (knownTicket != null) {
                boolean newComment = row.commentExternalId() != null && row.commentBody() != null
                        && !knownComments.containsKey(row.commentExternalId());
                if (newComment && ticketRecords.computeIfAbsent(knownTicket.recordId(),
                        id -> tickets.find(id).orElse(null)) == null) {
                    problems.add(new ImportProblem(row.row(), row.line(), ImportField.TICKET_EXTERNAL_ID.fieldName(),
                            "the ticket imported for it was removed since (retention or erasure)"));
                }
                return problems;
            }
            String why = categoryRefusals.computeIfAbsent(row.category(),
                    category -> String.valueOf(catalog.refusal(CatalogKind.CATEGORY, category)));
            if (!why.equals("null")) {
                problems.add(new ImportProblem(row.row(), row.line(), ImportField.TICKET_CATEGORY.fieldName(), why));
            }
            Lineage known = knownCustomers.get(row.customerExternalId());
            if (known != null) {
                Customer customer = customer(known.recordId());
                if (customer == null || customer.getErasedAt() != null || customer.isTombstone()) {
                    problems.add(new ImportProblem(row.row(), row.line(), ImportField.CUSTOMER_EXTERNAL_ID
                            .fieldName(), "the customer imported for it was erased, merged or removed since;"
                            + " its tickets are not imported again"));
                }
            }
            return problems;
        }

        /** Makes what the lineage does not know yet; true if anything was made. */
        boolean write(ImportRow row) {
            boolean made = false;
            Lineage ticketLineage = knownTickets.get(row.ticketExternalId());
            Ticket ticket;
            if (ticketLineage == null) {
                ticket = openTicket(row, customerOf(row));
                made = true;
            } else {
                ticket = null;
            }
            if (row.commentExternalId() != null && row.commentBody() != null
                    && !knownComments.containsKey(row.commentExternalId())) {
                comment(row, ticket != null ? ticket : ticket(ticketLineage.recordId()));
                made = true;
            }
            return made;
        }

        private Customer customerOf(ImportRow row) {
            Lineage known = knownCustomers.get(row.customerExternalId());
            if (known != null) {
                return customer(known.recordId());
            }
            Instant now = clock.instant();
            Customer customer = new Customer(null, row.name(), row.email(), row.phone(), row.region(), now);
            customer.identifyAs(reservedCustomerIds.next());
            customerRecords.put(customer.getId(), customer);
            createdCustomers.add(customer);
            remember(knownCustomers, new Lineage("CUSTOMER", row.customerExternalId(), "CUSTOMER", customer.getId(),
                    upload.id(), row.row()));
            events.add(new AuditService.Entry(AuditActions.CUSTOMER_CREATE, AuditActions.CUSTOMER,
                    String.valueOf(customer.getId()), lineage(row, row.customerExternalId(), "name", "email",
                    "phone", "region", "createdFrom=import"), AuditOutcome.SUCCESS));
            return customer;
        }

        private Ticket openTicket(ImportRow row, Customer customer) {
            Redaction subject = pii.redactForStorage(row.subject());
            String text = row.description() != null ? row.description() : row.commentBody() != null
                    ? row.commentBody() : row.subject();
            Redaction description = pii.redactForStorage(text);
            TicketDetails details = new TicketDetails(cut(subject.text(), TicketDetails.SUBJECT_MAX),
                    cut(description.text(), TicketDetails.DESCRIPTION_MAX), row.priority(), row.category(), null,
                    null, null);
            Instant at = row.ticketCreatedAt() != null ? row.ticketCreatedAt()
                    : row.commentCreatedAt() != null ? row.commentCreatedAt() : clock.instant();
            Ticket ticket = new Ticket(details, customer, customer.getRegion(), at);
            ticket.noteRedacted(Redaction.merge(subject, description).keySet());
            ticket.identifyAs(reservedTicketIds.next());
            createdTickets.add(ticket);
            ticketRecords.put(ticket.getId(), ticket);
            remember(knownTickets, new Lineage("TICKET", row.ticketExternalId(), "TICKET", ticket.getId(),
                    upload.id(), row.row()));
            if (row.bodyIsDescription() && row.commentExternalId() != null) {
                // the first thread is the ticket's description: a second run must not add it as a comment
                remember(knownComments, new Lineage("COMMENT", row.commentExternalId(), "DESCRIPTION",
                        ticket.getId(), upload.id(), row.row()));
            }
            events.add(new AuditService.Entry(AuditActions.TICKET_CREATE, AuditActions.TICKET,
                    String.valueOf(ticket.getId()), lineage(row, row.ticketExternalId(), "subject", "description",
                    "priority", "category", "region", "customerId"), AuditOutcome.SUCCESS));
            redacted(AuditActions.TICKET, String.valueOf(ticket.getId()), subject, description);
            return ticket;
        }

        /**
         * Builds the comment (its checks, masked copy and the ticket's activity as always); it is stored with the
         * chunk's others in {@link #storeComments}. Its external id counts as known at once, so a second row with
         * the same id in this chunk is unchanged.
         */
        private void comment(ImportRow row, Ticket ticket) {
            Redaction body = pii.redactForStorage(row.commentBody());
            Instant at = row.commentCreatedAt() != null ? row.commentCreatedAt() : clock.instant();
            Comment comment = new Comment(ticket, cut(body.text(), Comment.BODY_MAX), row.visibility(),
                    CommentChannel.EMAIL, "import:" + cut(upload.source(), 40), at);
            comment.noteRedacted(body.counts().keySet());
            knownComments.put(row.commentExternalId(), new Lineage("COMMENT", row.commentExternalId(), "COMMENT", 0,
                    upload.id(), row.row()));
            pendingComments.add(new PendingComment(row, comment, body, events.size()));
            events.add(null); // its COMMENT_CREATE, and its PII_REDACTED if the body changed
            if (body.changed()) {
                events.add(null);
            }
        }

        /** Inserts the chunk's comments (their tickets are flushed), then fills in their lineage and events. */
        void storeComments() {
            List<Long> ids = comments.insertAll(pendingComments.stream().map(PendingComment::comment).toList());
            for (int i = 0; i < ids.size(); i++) {
                PendingComment pending = pendingComments.get(i);
                ImportRow row = pending.row();
                String resource = pending.comment().getTicket().getId() + "/" + ids.get(i);
                lineage.add(new Lineage("COMMENT", row.commentExternalId(), "COMMENT", ids.get(i), upload.id(),
                        row.row()));
                events.set(pending.eventAt(), new AuditService.Entry(AuditActions.COMMENT_CREATE,
                        AuditActions.COMMENT, resource, lineage(row, row.commentExternalId(), "body", "visibility="
                        + row.visibility(), "channel=EMAIL"), AuditOutcome.SUCCESS));
                if (pending.body().changed()) {
                    events.set(pending.eventAt() + 1, redaction(AuditActions.COMMENT, resource, pending.body()));
                }
            }
            pendingComments.clear();
        }

        private void remember(Map<String, Lineage> known, Lineage record) {
            known.put(record.externalId(), record);
            lineage.add(record);
        }

        private Customer customer(long id) {
            return customerRecords.computeIfAbsent(id, key -> customers.find(key).orElse(null));
        }

        private Ticket ticket(long id) {
            Ticket ticket = ticketRecords.computeIfAbsent(id, key -> tickets.find(key).orElse(null));
            if (ticket == null) {
                throw new DomainRuleViolationException(ImportField.TICKET_EXTERNAL_ID.fieldName(),
                        "the ticket imported for it was removed since");
            }
            return ticket;
        }

        /** Every record from an import carries its lineage in the trail. */
        private List<String> lineage(ImportRow row, String externalId, String... fields) {
            List<String> all = new ArrayList<>(List.of(fields));
            all.add("source=import");
            all.add("import=" + upload.id());
            all.add("row=" + row.row());
            all.add("externalSource=" + upload.source());
            all.add("externalId=" + externalId);
            return all;
        }

        private void redacted(String type, String id, Redaction... parts) {
            Redaction all = new Redaction(null, Redaction.merge(parts));
            if (all.changed()) {
                events.add(redaction(type, id, all));
            }
        }

        private AuditService.Entry redaction(String type, String id, Redaction all) {
            return new AuditService.Entry(AuditActions.PII_REDACTED, type, id, all.summaryEntries(),
                    AuditOutcome.SUCCESS);
        }
    }

    /** A comment built but not stored yet, and where its audit events go in the chunk's list. */
    private record PendingComment(ImportRow row, Comment comment, Redaction body, int eventAt) {
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
