package org.custodian.interfaces.web.ticket;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.custodian.application.macro.FilledMacro;
import org.custodian.application.macro.MacroService;
import org.custodian.application.macro.MacroView;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * #23: pick one of the team's canned replies to fill the comment box, filled with what this user may see; the
 * agent edits it before sending (nothing is sent here).
 */
@Named
@ViewScoped
public class MacroPickerBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    MacroService macros;

    @Inject
    PortalCaller portal;

    @Inject
    TicketBean ticketBean;

    private List<MacroView> available;
    private Long selected;
    private List<String> notes = List.of();

    public List<MacroView> getAvailable() {
        if (available == null) {
            try {
                available = portal.may("TICKET_WRITE") ? macros.list(portal.get()) : List.of();
            } catch (RuntimeException e) {
                available = List.of();
            }
        }
        return available;
    }

    public void use() {
        try {
            FilledMacro filled = macros.fill(portal.get(), selected, ticketBean.getId());
            ticketBean.setCommentBody(filled.text());
            notes = filled.notes();
        } catch (RuntimeException e) {
            PageFailures.show(e, "macro");
        }
    }

    public Long getSelected() {
        return selected;
    }

    public void setSelected(Long selected) {
        this.selected = selected;
    }

    public List<String> getNotes() {
        return notes;
    }
}
