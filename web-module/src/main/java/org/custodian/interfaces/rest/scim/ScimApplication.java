package org.custodian.interfaces.rest.scim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.custodian.interfaces.rest.shared.AuditChainedFilter;
import org.custodian.interfaces.rest.shared.BearerTokenFilter;
import org.custodian.interfaces.rest.shared.BodyLimitFilter;
import org.custodian.interfaces.rest.shared.PlainParametersFilter;
import org.custodian.interfaces.rest.shared.ProblemExceptionMapper;
import org.custodian.interfaces.rest.shared.RateLimitFilter;
import org.custodian.interfaces.rest.shared.RequestCoordinatesFilter;

/**
 * SCIM 2.0 (RFC 7644) at {@code /scim/v2}, where IdPs expect it, as an application of its own that lists its classes:
 * only the SCIM resources, with the same filters as the REST API (request ids, bearer tokens and API keys, rate
 * limits, body limits, plain-text parameters, audit chaining) and the problem mapper, whose RFC 9457 answers
 * {@link ScimErrorFilter} turns into SCIM errors. The REST application finds these resources too when it scans;
 * {@link ScimPathGuard} answers 404 for them there.
 */
@ApplicationScoped
@ApplicationPath("/scim/v2")
public class ScimApplication extends Application {

    public static final String PATH = "/scim/v2/";

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ScimUserResource.class, ScimGroupResource.class, ScimDiscoveryResource.class,
                RequestCoordinatesFilter.class, BearerTokenFilter.class, BodyLimitFilter.class, RateLimitFilter.class,
                PlainParametersFilter.class, AuditChainedFilter.class, ProblemExceptionMapper.class,
                ScimExceptionMapper.class, ScimErrorFilter.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
