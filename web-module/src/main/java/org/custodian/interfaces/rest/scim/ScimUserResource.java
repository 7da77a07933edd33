package org.custodian.interfaces.rest.scim;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.custodian.application.scim.ScimEndpoint;
import org.custodian.application.scim.ScimUserService;

/** {@code /scim/v2/Users}: a service account's key with the {@code scim} scope only (people's tokens: 403). */
@Path("Users")
@RequestScoped
public class ScimUserResource extends ScimResourceBase {

    @EJB
    ScimUserService users;

    @Override
    protected ScimEndpoint service() {
        return users;
    }

    @Override
    protected String typePath() {
        return "Users";
    }
}
