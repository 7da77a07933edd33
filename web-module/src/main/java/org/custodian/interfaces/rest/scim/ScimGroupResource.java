package org.custodian.interfaces.rest.scim;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.custodian.application.scim.ScimEndpoint;
import org.custodian.application.scim.ScimGroupService;

/** {@code /scim/v2/Groups}: a service account's key with the {@code scim} scope only (people's tokens: 403). */
@Path("Groups")
@RequestScoped
public class ScimGroupResource extends ScimResourceBase {

    @EJB
    ScimGroupService groups;

    @Override
    protected ScimEndpoint service() {
        return groups;
    }

    @Override
    protected String typePath() {
        return "Groups";
    }
}
