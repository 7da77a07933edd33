package org.custodian.interfaces.web.session;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.UUID;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.application.review.AccessReviewService;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.user.Role;
import org.custodian.interfaces.http.ClientAddresses;

/**
 * The signed-in user of this page request, as the EJB services want it: a {@link Caller} with the roles and
 * regions of the user store, a fresh request id and the client's address, exactly like an API request.
 */
@Named("portal")
@RequestScoped
public class PortalCaller {

    @Inject
    ClientAddresses addresses;

    @Inject
    HttpServletRequest request;

    @EJB
    PolicyService policy;

    @EJB
    AccessReviewService reviews;

    private final String requestId = UUID.randomUUID().toString();
    private Boolean reviewer;

    public Optional<PortalIdentity> identity() {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable((PortalIdentity) session.getAttribute(PortalIdentity.ATTRIBUTE));
    }

    /** The caller of a fully signed-in session (the guard let no one else reach a page bean that asks). */
    public Caller get() {
        PortalIdentity identity = identity().filter(found -> found.stage() == PortalIdentity.Stage.SIGNED_IN)
                .orElseThrow(() -> new IllegalStateException("this page needs a signed-in user"));
        return callerOf(identity);
    }

    Caller callerOf(PortalIdentity identity) {
        return new Caller(identity.username(), identity.roles(), identity.regions(), requestId,
                addresses.of(request));
    }

    public String getRequestId() {
        return requestId;
    }

    public String getClientAddress() {
        return addresses.of(request);
    }

    public boolean isSignedIn() {
        return identity().filter(found -> found.stage() == PortalIdentity.Stage.SIGNED_IN).isPresent();
    }

    public String getDisplayName() {
        return identity().map(PortalIdentity::displayName).orElse("");
    }

    public String getUsername() {
        return identity().map(PortalIdentity::username).orElse("");
    }

    public String getRoles() {
        return identity().map(found -> String.join(", ", found.roles().stream().map(Enum::name).sorted().toList()))
                .orElse("");
    }

    /** For pages: does the user hold this role (by name)? Decides only what the menu offers, not access. */
    public boolean hasRole(String role) {
        return identity().filter(found -> found.stage() == PortalIdentity.Stage.SIGNED_IN)
                .map(found -> found.roles().stream().anyMatch(held -> held.name().equals(role))).orElse(false);
    }

    public boolean isAdministrator() {
        return hasRole(Role.OPERATOR.name()) || hasRole(Role.PRIVACY_OFFICER.name()) || hasRole(Role.AUDITOR.name())
                || hasRole(Role.USER_ADMIN.name());
    }

    /**
     * For menus and buttons: whether the policy allows the signed-in user this permission (by name). The pages
     * ask this instead of naming roles; the services decide again when the action comes.
     */
    public boolean may(String permission) {
        return isSignedIn() && policy.allows(get(), Permission.valueOf(permission));
    }

    /** Whether an open access review has items for this user to decide (the menu then offers the review page). */
    public boolean isReviewer() {
        if (reviewer == null) {
            reviewer = isSignedIn() && reviews.isReviewer(get());
        }
        return reviewer;
    }
}
