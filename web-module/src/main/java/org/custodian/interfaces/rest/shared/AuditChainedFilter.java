package org.custodian.interfaces.rest.shared;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.util.List;
import org.custodian.application.audit.SequenceAfterCommit;

/**
 * A response leaves only once the audit events its transactions committed are chained into the trail, so a client
 * (or an auditor right behind it) never sees an operation whose event is not verifiable yet. The waiting happens
 * here, after the transactions ended and gave their connections back, not inside their commit.
 *
 * <p>Because every API response waits here, reads may hold their events in memory until their commit instead of
 * writing them as pending rows ({@link SequenceAfterCommit#beginRequest()}). If such an event could not be chained,
 * the read is not answered: 503 with a problem, never the data without its audit event.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class AuditChainedFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** Headers that describe the data of the replaced response, not the problem that takes its place. */
    private static final List<String> ENTITY_HEADERS = List.of(HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED,
            HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.CONTENT_LENGTH, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.CONTENT_LANGUAGE, HttpHeaders.LOCATION, "Link", "X-Total-Count");

    @Inject
    SequenceAfterCommit afterCommit;

    @Inject
    RequestCoordinates coordinates;

    @Override
    public void filter(ContainerRequestContext request) {
        afterCommit.beginRequest();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (afterCommit.awaitOwnEvents()) {
            return;
        }
        Response problem = Problems.response(503, "audit-unavailable", "Audit trail unavailable",
                "what was asked for was read, but its audit event could not be written to the trail, so it is not"
                        + " shown; the request may be retried once the database answers again",
                coordinates.requestId());
        ENTITY_HEADERS.forEach(response.getHeaders()::remove);
        response.setStatus(problem.getStatus());
        response.getHeaders().putSingle("Retry-After", "5");
        response.setEntity(problem.getEntity(), new Annotation[0], Problems.PROBLEM_JSON);
    }
}
