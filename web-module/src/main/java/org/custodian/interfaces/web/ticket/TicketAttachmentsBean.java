package org.custodian.interfaces.web.ticket;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.custodian.application.attachment.AttachmentContent;
import org.custodian.application.attachment.AttachmentService;
import org.custodian.application.attachment.AttachmentView;
import org.custodian.application.attachment.NewAttachment;
import org.custodian.interfaces.web.Download;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;

/** #24: the ticket page's Attachments section: the list, an upload, downloads for those the policy lets. */
@Named
@ViewScoped
public class TicketAttachmentsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AttachmentService attachments;

    @Inject
    PortalCaller portal;

    @Inject
    TicketBean ticketBean;

    @EJB
    org.custodian.application.reveal.RevealService reveals;

    private transient List<AttachmentView> items;
    private transient Part file;
    private String revealReason;

    public List<AttachmentView> getItems() {
        if (items == null) {
            try {
                items = ticketBean.getId() == null ? List.of() : attachments.list(portal.get(), ticketBean.getId());
            } catch (RuntimeException e) {
                items = List.of();
            }
        }
        return items;
    }

    /** Sizes as people read them: 1.4 MB, 12 kB, 830 B. */
    public String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.0f kB", bytes / 1000.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    public String upload() {
        if (file == null || file.getSize() == 0) {
            PageFailures.show(new org.custodian.domain.shared.DomainRuleViolationException("file",
                    TicketWorkText.text("attachments.chooseFile")), "attachments");
            return null;
        }
        try (InputStream content = file.getInputStream()) {
            attachments.upload(portal.get(), ticketBean.getId(), new NewAttachment(
                    org.custodian.interfaces.rest.attachment.AttachmentResource.utf8Name(file.getSubmittedFileName()),
                    file.getContentType(), content));
            PageFailures.info(TicketWorkText.text("attachments.added.done", file.getSubmittedFileName()), null);
            return TicketWorkText.backTo(ticketBean.getId());
        } catch (IOException e) {
            PageFailures.show(new java.io.UncheckedIOException(e), "attachments");
            return null;
        } catch (RuntimeException e) {
            PageFailures.show(e, "attachments");
            return null;
        }
    }

    /** Streams the file as the API does (same service, same audit event). */
    public void download(long attachmentId) throws IOException {
        AttachmentContent content;
        try {
            content = attachments.download(portal.get(), ticketBean.getId(), attachmentId);
        } catch (RuntimeException e) {
            PageFailures.show(e, "attachmentList");
            return;
        }
        String name = content.view().filename();
        Download.send(content.view().contentType(), false, "attachment; filename=\""
                + name.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_") + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"), content.writer()::writeTo);
    }

    /** Whether the caller sees the files masked and may reveal them (with a reason) to download (#23, #24). */
    public boolean isRevealable() {
        return getItems().stream().anyMatch(view -> !view.downloadable() && !view.erased())
                && portal.may("FIELD_REVEAL");
    }

    public String reveal() {
        return PageFailures.attempt("attachmentReveal", () -> {
            reveals.revealOnTicket(portal.get(), ticketBean.getId(), new org.custodian.application.reveal.RevealRequest(
                    List.of("attachment.content"), revealReason));
            PageFailures.info(TicketWorkText.text("attachments.revealed"), null);
            return TicketWorkText.backTo(ticketBean.getId());
        });
    }

    public String getRevealReason() {
        return revealReason;
    }

    public void setRevealReason(String revealReason) {
        this.revealReason = revealReason;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }
}
