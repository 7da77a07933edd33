package org.custodian.interfaces.web.ticket;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.custodian.application.access.AccessService;
import org.custodian.application.access.Views.NewOverride;
import org.custodian.application.access.Views.OverrideView;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.application.ticket.CommentView;
import org.custodian.application.ticket.NewComment;
import org.custodian.application.ticket.TicketChanges;
import org.custodian.application.ticket.TicketService;
import org.custodian.application.ticket.TicketView;
import org.custodian.domain.model.ticket.TicketStatus;
import org.custodian.domain.model.user.Role;
import org.custodian.interfaces.web.Flow;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.i18n.Labels;
import org.custodian.interfaces.web.i18n.Times;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * One ticket: its fields as shown to this user, its comments, a new comment, a status change, and for supervisors
 * break-glass access with a countdown to its end.
 */
@Named
@ViewScoped
public class TicketBean extends ShownRecordPage {

    private static final long serialVersionUID = 1L;

    static final Map<String, String> LABELS = labels();

    @EJB
    TicketService tickets;

    @EJB
    AccessService access;

    @Inject
    PortalCaller portal;

    @Inject
    TicketStaleNotice stale;

    @Inject
    TeamAssignmentPicker teamAssignment;

    private Long id;
    private TicketView ticket;
    private final List<Map<String, Object>> comments = new ArrayList<>();
    private String commentBody;
    private String commentVisibility = "PUBLIC";
    private String commentChannel = "AGENT";
    private String newStatus;
    private OverrideView activeOverride;
    private String editPriority;
    private String editCategory;
    private String editAssignee;
    private String editProductSku;
    private String editSiteCode;
    private String justification;
    private Integer minutes = 30;

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("subject", "ticket.field.subject");
        labels.put("description", "ticket.field.description");
        labels.put("status", "ticket.field.status");
        labels.put("priority", "ticket.field.priority");
        labels.put("category", "ticket.field.category");
        labels.put("productSku", "ticket.field.productSku");
        labels.put("siteCode", "ticket.field.siteCode");
        labels.put("region", "ticket.field.region");
        labels.put("team", "ticket.field.team");
        labels.put("assignee", "ticket.field.assignee");
        labels.put("customerId", "ticket.field.customerId");
        labels.put("createdAt", "ticket.field.createdAt");
        labels.put("updatedAt", "ticket.field.updatedAt");
        labels.put("resolvedAt", "ticket.field.resolvedAt");
        return labels;
    }

    /** Called by the page's view action once the id parameter is set. */
    public void load() {
        ticket = null;
        comments.clear();
        if (id == null) {
            PageFailures.show(new ResourceNotFoundException("ticket", 0L), null);
            return;
        }
        activeOverride = null;
        try {
            if (portal.hasRole(Role.SUPERVISOR.name())) {
                // first: the read below is shaped by it, and the page counts down to its end
                activeOverride = access.overrides(portal.get(), "active").stream()
                        .filter(override -> override.ticketId() == id).findFirst().orElse(null);
            }
            ticket = tickets.get(portal.get(), id);
            editPriority = text(ticket.body().get("priority"));
            editCategory = text(ticket.body().get("category"));
            editAssignee = TeamAssignmentPicker.valueOf(ticket.body()); // #23: a team or a person
            editProductSku = text(ticket.body().get("productSku"));
            editSiteCode = text(ticket.body().get("siteCode"));
            for (CommentView comment : tickets.comments(portal.get(), id)) {
                comments.add(comment.body());
            }
        } catch (RuntimeException e) {
            ticket = null;
            PageFailures.show(e, null);
        }
    }

    /** Each action that changes the ticket answers with a redirect to it (post-redirect-get, {@link Flow}). */
    public String addComment() {
        return PageFailures.attempt("comment", () -> {
            CommentView added = tickets.comment(portal.get(), id,
                    new NewComment(commentBody, commentVisibility, commentChannel));
            String notice = RedactionNotice.of(added.body().get(TicketView.REDACTED), "redaction.from.newComment");
            return Flow.done(Flow.text("ticket.comment.added"), Flow.text("ticket.comment.addedDetail", String.valueOf(id))
                    + (notice == null ? "" : ". " + notice));
        });
    }

    /**
     * Saves the changed work fields (priority, category, assignee), against the version shown: a change made by
     * someone else meanwhile is a conflict, not an overwrite. Text fields are not edited here, because the page may
     * show them masked and saving a masked copy would destroy the original.
     */
    public String save() {
        if (ticket == null) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        changed(values, "priority", editPriority);
        changed(values, "category", editCategory);
        teamAssignment.changes(id, ticket.body(), editAssignee, values);
        changed(values, "productSku", editProductSku);
        changed(values, "siteCode", editSiteCode);
        if (values.isEmpty()) {
            PageFailures.info(Flow.text("msg.users.unchanged"), Flow.text("ticket.unchangedDetail"));
            return null;
        }
        try {
            TicketView saved = tickets.revise(portal.get(), id, new TicketChanges(values), ticket.version());
            return Flow.done(Flow.text("msg.users.saved"), Flow.text("ticket.savedDetail", String.join(", ",
                    values.keySet().stream().map(field -> Flow.text("field." + field)).toList()))
                    + TeamAssignmentPicker.takenOff(ticket.body(), saved.body()));
        } catch (RuntimeException e) {
            stale.showOr(e, "edit");
            return null;
        }
    }

    private void changed(Map<String, String> values, String field, String edited) {
        String value = edited == null || edited.isBlank() ? null : edited.trim();
        if (ticket.body().containsKey(field) && !Objects.equals(value, text(ticket.body().get(field)))) {
            values.put(field, value);
        }
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    public String getEditProductSku() {
        return editProductSku;
    }

    public void setEditProductSku(String editProductSku) {
        this.editProductSku = editProductSku;
    }

    public String getEditSiteCode() {
        return editSiteCode;
    }

    public void setEditSiteCode(String editSiteCode) {
        this.editSiteCode = editSiteCode;
    }

    public String getEditPriority() {
        return editPriority;
    }

    public void setEditPriority(String editPriority) {
        this.editPriority = editPriority;
    }

    public String getEditCategory() {
        return editCategory;
    }

    public void setEditCategory(String editCategory) {
        this.editCategory = editCategory;
    }

    public String getEditAssignee() {
        return editAssignee;
    }

    public void setEditAssignee(String editAssignee) {
        this.editAssignee = editAssignee;
    }

    public String changeStatus() {
        if (ticket == null) {
            return null;
        }
        try {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("status", newStatus);
            tickets.revise(portal.get(), id, new TicketChanges(values), ticket.version());
            return Flow.done(Flow.text("ticket.statusChanged"),
                    Flow.text("ticket.statusChangedDetail", String.valueOf(id), Labels.label("status", newStatus)));
        } catch (RuntimeException e) {
            stale.showOr(e, "status");
            return null;
        }
    }

    /** Break-glass: full sight of this one ticket for a while, with a justification the privacy officer sees. */
    public String breakGlass() {
        return PageFailures.attempt("breakGlass", () -> {
            OverrideView opened = access.openOverride(portal.get(), new NewOverride(id, justification, minutes));
            return Flow.done(Flow.text("breakGlass.opened"),
                    Flow.text("breakGlass.openedDetail", String.valueOf(id), Times.forUser(opened.expiresAt())));
        });
    }

    public boolean isCanBreakGlass() {
        return ticket != null && activeOverride == null && portal.may("BREAK_GLASS");
    }

    /** A closed ticket takes no more changes: the page shows no edit forms, only how to follow up. */
    public boolean isClosed() {
        return ticket != null && "CLOSED".equals(ticket.body().get("status"));
    }

    /** Whether the comment, work-field and status forms are for this user: an open ticket they may change. */
    public boolean isCanWork() {
        return ticket != null && !isClosed() && portal.may("TICKET_WRITE");
    }

    /** Why the subject is not shown (another region's personal data, or this role's view), or null when it is. */
    public String getSubjectHiddenWhy() {
        if (ticket == null || ticket.body().containsKey("subject")) {
            return null;
        }
        Object region = ticket.body().get("region");
        java.util.Set<org.custodian.domain.model.customer.Region> mine = portal.get().regions();
        if (region != null && mine.stream().noneMatch(own -> own.name().equals(String.valueOf(region)))) {
            return Flow.text("ticket.subjectHidden.region", region,
                    mine.isEmpty() ? "-" : String.join(", ", mine.stream().map(Enum::name).sorted().toList()));
        }
        return Flow.text("ticket.subjectHidden.policy");
    }

    /** Staff-only comments are offered only to those who may read them (contractors may not). */
    public boolean isCanWriteInternal() {
        return portal.may("COMMENT_INTERNAL_READ");
    }

    public OverrideView getActiveOverride() {
        return activeOverride;
    }

    /** When the active override ends, in epoch milliseconds, for the page's countdown. */
    public long getOverrideEndsAtMillis() {
        return activeOverride == null ? 0 : activeOverride.expiresAt().toEpochMilli();
    }

    public String getJustification() {
        return justification;
    }

    public void setJustification(String justification) {
        this.justification = justification;
    }

    public Integer getMinutes() {
        return minutes;
    }

    public void setMinutes(Integer minutes) {
        this.minutes = minutes;
    }

    @Override
    protected Map<String, Object> shownBody() {
        return ticket == null ? null : ticket.body();
    }

    @Override
    protected Map<String, String> fieldLabels() {
        return LABELS;
    }

    public Object getCustomerId() {
        return ticket == null ? null : ticket.body().get("customerId");
    }

    public String getSubject() {
        return ticket == null ? "" : String.valueOf(ticket.body().getOrDefault("subject",
                Flow.text("ticket.numbered", id)));
    }

    /** The statuses this ticket may move to next (the same rule the service enforces). */
    public List<String> getNextStatuses() {
        if (ticket == null || !(ticket.body().get("status") instanceof String current)) {
            return List.of();
        }
        return TicketStatus.valueOf(current).allowedNext().stream().map(Enum::name).sorted().toList();
    }

    /** Card numbers or secrets were cut from the subject or description when saved (#20); null when not. */
    public String getRedactionNotice() {
        return ticket == null ? null : RedactionNotice.of(ticket.body().get(TicketView.REDACTED), "redaction.from.ticket");
    }

    /** The same for one comment of {@link #getComments()}. */
    public String commentRedactionNotice(Map<String, Object> comment) {
        return RedactionNotice.of(comment.get(TicketView.REDACTED), "redaction.from.comment");
    }

    /** #25: the ticket's SLA clocks as the service returned them (null: no policy applies). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> getSla() {
        return ticket == null ? null : (Map<String, Object>) ticket.body().get("sla");
    }

    /** #24: how often the monitoring alert behind this ticket came (null: not a monitoring ticket). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> getOccurrences() {
        return ticket == null ? null : (Map<String, Object>) ticket.body().get("occurrences");
    }

    public List<Map<String, Object>> getComments() {
        return comments;
    }

    public Long getId() {
        return id;
    }

    /** The version of the ticket as this page showed it (#23: a change against it is refused if someone else's came first). */
    public long getVersion() {
        return ticket == null ? 0 : ticket.version();
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getCommentBody() {
        return commentBody;
    }

    public void setCommentBody(String commentBody) {
        this.commentBody = commentBody;
    }

    public String getCommentVisibility() {
        return commentVisibility;
    }

    public void setCommentVisibility(String commentVisibility) {
        this.commentVisibility = commentVisibility;
    }

    public String getCommentChannel() {
        return commentChannel;
    }

    public void setCommentChannel(String commentChannel) {
        this.commentChannel = commentChannel;
    }

    public String getNewStatus() {
        return newStatus;
    }

    public void setNewStatus(String newStatus) {
        this.newStatus = newStatus;
    }
}
