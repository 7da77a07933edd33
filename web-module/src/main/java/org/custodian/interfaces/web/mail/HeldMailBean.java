package org.custodian.interfaces.web.mail;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.custodian.application.mail.HeldMailService;
import org.custodian.application.mail.HeldMailView;
import org.custodian.application.mail.MailIntakeService;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.i18n.Texts;
import org.custodian.interfaces.web.i18n.Times;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * The held-mail page (#24): mail held for an unauthenticated sender or after failed intake, for the mailboxes of the
 * user's regions; release (it opens or joins its ticket) or discard. Every action redirects back (a reload repeats
 * nothing).
 */
@Named
@ViewScoped
public class HeldMailBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String PAGE = "/held-mail.xhtml?faces-redirect=true";

    @EJB
    HeldMailService held;

    @Inject
    PortalCaller portal;

    private boolean manager;
    private List<HeldMailView> mails = List.of();

    /** The view action: the list, for users the policy lets decide held mail (nothing for anyone else). */
    public void load() {
        manager = portal.isSignedIn() && portal.may("MAIL_HELD_MANAGE");
        if (!manager || FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        PageFailures.read(() -> mails = held.list(portal.get()));
    }

    public String release(long id) {
        try {
            MailIntakeService.Outcome outcome = held.accept(portal.get(), id);
            PageFailures.info(Texts.get("heldMail.released"), Texts.get("heldMail.released." + outcome.name(),
                    String.valueOf(id)));
        } catch (RuntimeException e) {
            PageFailures.show(e, null);
            return null;
        }
        return back();
    }

    public String discard(long id) {
        try {
            held.discard(portal.get(), id);
            PageFailures.info(Texts.get("heldMail.discarded"), Texts.get("heldMail.discardedDetail",
                    String.valueOf(id)));
        } catch (RuntimeException e) {
            PageFailures.show(e, null);
            return null;
        }
        return back();
    }

    private static String back() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return PAGE;
    }

    /** Who sent it, as far as the policy shows the user a customer's name and address. */
    public String sender(HeldMailView mail) {
        String name = mail.fromName() == null || mail.fromName().isBlank() ? null : mail.fromName();
        String address = mail.from();
        if (address == null) {
            return name == null ? Texts.get("heldMail.senderHidden") : name;
        }
        return name == null ? address : name + " <" + address + ">";
    }

    public String receivedAt(HeldMailView mail) {
        return Times.forUser(mail.receivedAt());
    }

    /** The reason in the user's words: the two kinds of holding, with the receiving server's or the error's words. */
    public String reason(HeldMailView mail) {
        String reason = mail.reason() == null ? "" : mail.reason();
        if (reason.startsWith("sender not authenticated")) {
            return Texts.get("heldMail.reasonUnauthenticated", reason.substring(reason.indexOf(':') + 1).trim());
        }
        if (reason.startsWith("intake failed")) {
            return Texts.get("heldMail.reasonFailed", reason.replaceFirst("^intake failed (\\d+) times: ", "$1|")
                    .split("\\|", 2)[0], reason.contains(": ") ? reason.substring(reason.indexOf(": ") + 2) : "");
        }
        return reason;
    }

    public boolean isManager() {
        return manager;
    }

    public List<HeldMailView> getMails() {
        return mails;
    }
}
