package org.custodian.interfaces.http;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client address of a request, the one the audit trail records and sign-in throttling counts by: forwarding
 * headers are believed only from the proxies in {@code CUSTODIAN_TRUSTED_PROXIES} (comma-separated CIDRs; none by
 * default), so a load balancer in front does not make everyone one source and nobody else can choose their own.
 */
@ApplicationScoped
public class ClientAddresses {

    @Inject
    @ConfigProperty(name = "custodian.trusted-proxies")
    Optional<String> trustedProxies;

    private ForwardedFor resolver;

    @PostConstruct
    void parse() {
        resolver = ForwardedFor.parse(trustedProxies.orElse(""));
    }

    /** Parsed when the application starts: a bad value stops the deployment, naming the setting. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        resolver.isTrusted(InetAddress.getLoopbackAddress());
    }

    public String of(HttpServletRequest request) {
        return resolver.clientOf(request.getRemoteAddr(), ForwardedFor.values(request.getHeaders("Forwarded")),
                ForwardedFor.values(request.getHeaders("X-Forwarded-For")));
    }
}
