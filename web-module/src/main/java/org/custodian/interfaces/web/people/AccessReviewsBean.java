package org.custodian.interfaces.web.people;

import jakarta.ejb.EJB;
import jakarta.faces.event.ActionEvent;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodian.application.review.AccessReviewService;
import org.custodian.application.review.DormantAccountService;
import org.custodian.application.review.ReviewViews.Decision;
import org.custodian.application.review.ReviewViews.DormantReport;
import org.custodian.application.review.ReviewViews.ItemView;
import org.custodian.application.review.ReviewViews.NewReview;
import org.custodian.application.review.ReviewViews.ReviewDetail;
import org.custodian.application.review.ReviewViews.ReviewView;
import org.custodian.interfaces.web.Flow;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;
import org.custodian.interfaces.web.i18n.Texts;

/**
 * Access reviews: the campaigns, opening one, a campaign's items with keep or revoke for the items the signed-in
 * user reviews ("My reviews"), closing; and the dormant accounts report. A reviewer who may not read every
 * campaign (a supervisor) gets from the service only the campaigns and items assigned to them.
 */
@Named
@ViewScoped
public class AccessReviewsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AccessReviewService reviews;

    @EJB
    DormantAccountService dormant;

    @Inject
    PortalCaller portal;

    private Long id;
    private boolean mine;
    private Integer days;
    private List<ReviewView> campaigns = new ArrayList<>();
    private ReviewDetail detail;
    private DormantReport dormantReport;
    private final Map<Long, String> reasons = new HashMap<>();
    private String rowInput;
    private String title;
    private String region;
    private String role;
    private String deadline;
    private String reviewer;
    private String policy = "revoke";

    public void load() {
        PageFailures.read(() -> {
            campaigns = reviews.list(portal.get());
            if (id != null) {
                detail = reviews.get(portal.get(), id);
            }
            if (portal.may("REPORT_READ") || portal.may("USER_READ")) {
                dormantReport = dormant.report(portal.get(), days);
                days = dormantReport.days();
            }
        });
    }

    public String open() {
        return PageFailures.attempt("newReview", () -> {
            ReviewDetail opened = reviews.open(portal.get(), new NewReview(blank(title), blank(region), blank(role),
                    ServiceAccountsBean.endOfDay(deadline), blank(reviewer), policy));
            PageFailures.info(Texts.get("msg.reviews.opened"), Texts.get("msg.reviews.opened.detail",
                    String.valueOf(opened.review().id()), opened.items().size()));
            return Flow.redirect(self(opened.review().id()));
        });
    }

    public void row(ActionEvent event) {
        rowInput = Pages.beside(event, "reason");
    }

    public String decide(long itemId, String decision) {
        return PageFailures.atRow(rowInput, () -> {
            ItemView decided = reviews.decide(portal.get(), detail.review().id(), itemId,
                    new Decision(decision, reasons.get(itemId)));
            PageFailures.info(Texts.get("msg.reviews.decided"), decided.username() + " " + decided.kind() + " " + decided.subject() + ": "
                    + decided.state());
            return Flow.redirect(self(detail.review().id()));
        });
    }

    public String close() {
        return PageFailures.attempt(null, () -> {
            ReviewView closed = reviews.close(portal.get(), detail.review().id());
            PageFailures.info(Texts.get("msg.reviews.closed"), Texts.get("msg.reviews.closed.detail",
                    String.valueOf(closed.id()), closed.outcomeDigest()));
            return Flow.redirect(self(closed.id()));
        });
    }

    private String self(long campaign) {
        return "/admin/access-reviews.xhtml?id=" + campaign + (mine ? "&mine=true" : "");
    }

    /** The campaign's items, or with "My reviews" only those the signed-in user decides. */
    public List<ItemView> getItems() {
        if (detail == null) {
            return List.of();
        }
        String me = portal.getUsername();
        return mine ? detail.items().stream().filter(item -> me.equals(item.reviewer())).toList() : detail.items();
    }

    /** Whether the signed-in user decides this item now (the service checks it again). */
    public boolean decidable(ItemView item) {
        return detail != null && "OPEN".equals(detail.review().state()) && portal.getUsername().equals(item.reviewer())
                && ("PENDING".equals(item.state()) || "ESCALATED".equals(item.state()));
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    public List<ReviewView> getCampaigns() {
        return campaigns;
    }

    public ReviewDetail getDetail() {
        return detail;
    }

    public DormantReport getDormant() {
        return dormantReport;
    }

    public Map<Long, String> getReasons() {
        return reasons;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public boolean isMine() {
        return mine;
    }

    public void setMine(boolean mine) {
        this.mine = mine;
    }

    public Integer getDays() {
        return days;
    }

    public void setDays(Integer days) {
        this.days = days;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getDeadline() {
        return deadline;
    }

    public void setDeadline(String deadline) {
        this.deadline = deadline;
    }

    public String getReviewer() {
        return reviewer;
    }

    public void setReviewer(String reviewer) {
        this.reviewer = reviewer;
    }

    public String getPolicy() {
        return policy;
    }

    public void setPolicy(String policy) {
        this.policy = policy;
    }
}
