package org.custodian.interfaces.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API, version 1. Bearer tokens are RS256 JWTs verified by MicroProfile JWT. The CDI scope
 * matters: with annotated bean discovery, MP-JWT only sees {@code @LoginConfig} on a CDI bean.
 */
@ApplicationScoped
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"AGENT", "ENGINEER", "SUPERVISOR", "CONTRACTOR", "OPERATOR", "PRIVACY_OFFICER", "AUDITOR",
        "USER_ADMIN"})
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
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
