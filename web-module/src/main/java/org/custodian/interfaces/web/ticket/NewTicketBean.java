package org.custodian.interfaces.web.ticket;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.custodian.application.ticket.NewTicket;
import org.custodian.application.ticket.TicketService;
import org.custodian.application.ticket.TicketView;
import org.custodian.interfaces.web.Flow;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;

/** The new-ticket form; the service's rules come back as messages next to the inputs they concern. */
@Named
@RequestScoped
public class NewTicketBean {

    @EJB
    TicketService tickets;

    @Inject
    PortalCaller portal;

    private Long customerId;
    private String subject;
    private String description;
    private String priority = "NORMAL";
    private String category;
    private String productSku;
    private String siteCode;
    private String assignee;

    public String open() {
        TicketView created;
        try {
            // the picker's value is a person's username or "team:<key>" for the whole team (#23)
            String chosen = blank(assignee);
            boolean team = chosen != null && chosen.startsWith(TeamAssignmentPicker.TEAM);
            created = tickets.open(portal.get(), new NewTicket(customerId, subject, description, priority, category,
                    blank(productSku), blank(siteCode), null, team ? null : chosen,
                    team ? chosen.substring(TeamAssignmentPicker.TEAM.length()) : null));
        } catch (RuntimeException e) {
            PageFailures.show(e, "newTicket");
            return null;
        }
        PageFailures.info(Flow.text("newTicket.opened"), Flow.text("newTicket.openedDetail", String.valueOf(created.id())));
        return Flow.redirect("/ticket.xhtml?id=" + created.id());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public void setCustomerId(Long customerId) {
        this.customerId = customerId;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getPriority() {
        return priority;
    }

    public void setPriority(String priority) {
        this.priority = priority;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getProductSku() {
        return productSku;
    }

    public void setProductSku(String productSku) {
        this.productSku = productSku;
    }

    public String getSiteCode() {
        return siteCode;
    }

    public void setSiteCode(String siteCode) {
        this.siteCode = siteCode;
    }
}
