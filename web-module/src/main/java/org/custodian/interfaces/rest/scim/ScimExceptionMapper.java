package org.custodian.interfaces.rest.scim;

import jakarta.ws.rs.ext.ExceptionMapper;
import org.custodian.application.scim.ScimException;

/** SCIM's own refusals (only registered in {@link ScimApplication}; everything else goes the problem way). */
public class ScimExceptionMapper implements ExceptionMapper<ScimException> {

    @Override
    public jakarta.ws.rs.core.Response toResponse(ScimException refused) {
        return ScimErrors.response(refused.status(), refused.scimType(), refused.getMessage());
    }
}
