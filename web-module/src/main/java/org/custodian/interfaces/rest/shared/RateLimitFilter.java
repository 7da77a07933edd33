package org.custodian.interfaces.rest.shared;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.custodian.application.integration.KeyAuthentication;
import org.custodian.application.ratelimit.RateDecision;
import org.custodian.application.ratelimit.RateLimiter;

/**
 * Rate limits of every API request (#22), right after authentication: counted per credential (the user, or the
 * API key) and per source address; over either limit the answer is 429 with {@code Retry-After}. Every answer
 * carries {@code RateLimit-Policy} and {@code RateLimit} (draft-ietf-httpapi-ratelimit-headers). A request refused
 * by authentication (401) is counted for its source on the way out, so unauthenticated floods count too.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 100)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    @Inject
    RateLimiter limiter;

    @Inject
    CurrentCaller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        RateDecision decision = count();
        request.setProperty(DECISION, decision == null ? Boolean.FALSE : decision);
        if (decision != null && decision.limited()) {
            request.abortWith(tooMany(decision));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object counted = request.getProperty(DECISION);
        RateDecision decision = counted instanceof RateDecision known ? known : null;
        if (counted == null) {
            // answered before this filter ran (a 401 from authentication): count its source now
            decision = limiter.check(null, 0, caller.clientAddress());
            if (decision != null && decision.limited()) {
                Response refused = tooMany(decision);
                response.setStatus(refused.getStatus());
                response.setEntity(refused.getEntity(), null, Problems.PROBLEM_JSON);
                response.getHeaders().remove("WWW-Authenticate");
                response.getHeaders().putSingle("Retry-After", String.valueOf(decision.retryAfterSeconds()));
            }
        }
        if (decision != null) {
            response.getHeaders().putSingle("RateLimit-Policy", decision.policyHeader());
            response.getHeaders().putSingle("RateLimit", decision.limitHeader());
        }
    }

    private RateDecision count() {
        if (!caller.isAuthenticated()) {
            return limiter.check(null, 0, caller.clientAddress());
        }
        KeyAuthentication key = caller.apiKey();
        return key != null
                ? limiter.check("key:" + key.keyId(), limiter.keyLimit(key.rateLimit()), caller.clientAddress())
                : limiter.check("user:" + caller.get().username(), limiter.userLimit(), caller.clientAddress());
    }

    private Response tooMany(RateDecision decision) {
        RateDecision.PolicyState over = decision.exceeded();
        String detail = "more than " + over.quota() + " requests in " + over.windowSeconds() + " s "
                + ("source".equals(over.name()) ? "from this address" : "with this credential")
                + "; try again in " + decision.retryAfterSeconds() + " s";
        return Response.fromResponse(Problems.response(429, "rate-limited", "Too Many Requests", detail,
                caller.requestId())).header("Retry-After", String.valueOf(decision.retryAfterSeconds()))
                .header("RateLimit-Policy", decision.policyHeader()).header("RateLimit", decision.limitHeader())
                .build();
    }
}
