package org.custodian.interfaces.web.ticket;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import org.custodian.application.ticket.LinkView;
import org.custodian.interfaces.web.PageFailures;

/** #23: the tickets linked to this one, linking a related one, and merging a duplicate into this ticket. */
@Named
@ViewScoped
public class TicketLinksBean extends TicketWorkSection {

    private static final long serialVersionUID = 1L;

    private List<LinkView> links;
    private Long linkId;
    private Long duplicateId;
    private String mergeReason;

    public List<LinkView> getLinks() {
        if (links == null) {
            try {
                links = ticketBean.getId() == null ? List.of() : work.links(portal.get(), ticketBean.getId());
            } catch (RuntimeException e) {
                links = List.of();
            }
        }
        return links;
    }

    /** How one link reads from this ticket ("follow-up of", "merged into", …), in the user's words. */
    public String describe(LinkView link) {
        String key = switch (link.kind()) {
            case "FOLLOW_UP" -> link.outgoing() ? "links.followUpOf" : "links.followedUpBy";
            case "DUPLICATE" -> link.outgoing() ? "links.mergedInto" : "links.mergedFrom";
            default -> "links.related";
        };
        return TicketWorkText.text(key);
    }

    public String link() {
        return PageFailures.attempt("links", () -> {
            work.link(portal.get(), ticketBean.getId(), linkId);
            return TicketWorkText.doneBackTo(ticketBean.getId(), "links.linked", String.valueOf(linkId));
        });
    }

    public String unlink(long other) {
        return PageFailures.attempt("links", () -> {
            work.unlink(portal.get(), ticketBean.getId(), other);
            return TicketWorkText.doneBackTo(ticketBean.getId(), "links.unlinked", String.valueOf(other));
        });
    }

    public String merge() {
        return PageFailures.attempt("merge", () -> {
            work.merge(portal.get(), ticketBean.getId(), duplicateId, mergeReason);
            return TicketWorkText.doneBackTo(ticketBean.getId(), "ticketMerge.done", String.valueOf(duplicateId),
                    String.valueOf(ticketBean.getId()));
        });
    }

    public Long getLinkId() {
        return linkId;
    }

    public void setLinkId(Long linkId) {
        this.linkId = linkId;
    }

    public Long getDuplicateId() {
        return duplicateId;
    }

    public void setDuplicateId(Long duplicateId) {
        this.duplicateId = duplicateId;
    }

    public String getMergeReason() {
        return mergeReason;
    }

    public void setMergeReason(String mergeReason) {
        this.mergeReason = mergeReason;
    }
}
