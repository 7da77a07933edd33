package org.custodian.interfaces.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import org.custodian.application.policy.Permission;
import org.custodian.application.policy.PolicyService;
import org.custodian.domain.model.customer.Region;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * Region pickers offer only the regions where the policy lets this user do what the form does (an agent of EU
 * registers customers in EU only), instead of offering every region and refusing the choice afterwards.
 */
@Named
@RequestScoped
public class RegionChoices {

    @Inject
    PortalCaller portal;

    @EJB
    PolicyService policy;

    /** The region names where {@code permission} is allowed to the signed-in user, in the enum's order. */
    public List<String> writable(String permission) {
        if (!portal.isSignedIn()) {
            return List.of();
        }
        Permission wanted = Permission.valueOf(permission);
        return Arrays.stream(Region.values()).filter(region -> policy.allowsIn(portal.get(), wanted, region))
                .map(Enum::name).toList();
    }
}
