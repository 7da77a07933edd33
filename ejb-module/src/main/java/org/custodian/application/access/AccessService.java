package org.custodian.application.access;

import java.util.List;
import org.custodian.application.access.Views.GrantView;
import org.custodian.application.access.Views.NewGrant;
import org.custodian.application.access.Views.NewOverride;
import org.custodian.application.access.Views.NewTransferRule;
import org.custodian.application.access.Views.NotificationView;
import org.custodian.application.access.Views.OverrideView;
import org.custodian.application.access.Views.TransferRuleView;
import org.custodian.application.shared.Caller;

public interface AccessService {

    List<TransferRuleView> transferRules(Caller caller);

    TransferRuleView createTransferRule(Caller caller, NewTransferRule rule);

    TransferRuleView revokeTransferRule(Caller caller, long id);

    /** All grants (supervisor, privacy officer, auditor) or only one's own (contractor), newest first. */
    List<GrantView> grants(Caller caller, String grantee);

    GrantView grant(Caller caller, NewGrant grant);

    GrantView revokeGrant(Caller caller, long id, String reason);

    /**
     * Ends a grant because an access review revoked it: the review service has checked that the caller reviews it
     * (or that its deadline passed), so no grant permission is asked for. Audited like any revocation; false if the
     * grant no longer grants anything (revoked or expired since the campaign opened).
     */
    boolean revokeGrantForReview(Caller caller, long id, String reason);

    /** Break-glass on one ticket: audited with its justification, the privacy officers are notified. */
    OverrideView openOverride(Caller caller, NewOverride override);

    /** @param state "active" or "expired" */
    List<OverrideView> overrides(Caller caller, String state);

    List<NotificationView> notifications(Caller caller);
}
