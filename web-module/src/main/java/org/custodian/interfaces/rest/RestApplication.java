package org.custodian.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API, version 1. Bearer tokens (ours, or the corporate identity provider's) are verified by
 * {@code BearerTokenFilter} with Nimbus JOSE+JWT, not by the container: no MicroProfile JWT, no container roles
 * (the policy decides from {@code Caller}).
 */
@ApplicationScoped
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "Custodian API", version = "1",
        description = "Help desk API in which every read of personal data and every change is audited."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT")
public class RestApplication extends Application {

    /**
     * Jersey (Payara, GlassFish) would answer OPTIONS with a WADL document that names its version;
     * other implementations ignore the key.
     */
    @Override
    public Map<String, Object> getProperties() {
        // multipart/form-data (attachments, #24) as jakarta.ws.rs.core.EntityPart: Jersey needs its feature named
        return Map.of("jersey.config.server.wadl.disableWadl", true,
                "jersey.config.server.provider.classnames", "org.glassfish.jersey.media.multipart.MultiPartFeature");
    }
}
