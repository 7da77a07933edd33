package org.custodian.interfaces.rest.shared;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodian.application.auth.AuthenticationFailedException;
import org.custodian.application.auth.SignInBusyException;
import org.custodian.application.auth.TooManyAttemptsException;
import org.custodian.application.identity.BearerAuthentication;
import org.custodian.application.shared.AccessDeniedException;
import org.custodian.application.shared.ConflictException;
import org.custodian.application.shared.GoneException;
import org.custodian.application.shared.NotConfiguredException;
import org.custodian.application.shared.ResourceNotFoundException;
import org.custodian.application.shared.StaleVersionException;
import org.custodian.domain.shared.DomainRuleViolationException;

/**
 * Every failure leaves the API as an RFC 9457 problem. Failures caused by the request get a 4xx
 * that says what was wrong; only genuine server faults are 500, logged with the request id and
 * without internals in the body.
 */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class.getName());

    /** A failure whose own message is the problem's detail, as status, type slug and title. */
    private record Plain(Class<? extends Throwable> type, int status, String slug, String title) {
    }

    /** Checked in this order, before the database and sign-in failures. */
    private static final List<Plain> PLAIN = List.of(
            new Plain(AccessDeniedException.class, 403, "forbidden", "Forbidden"),
            new Plain(ResourceNotFoundException.class, 404, "not-found", "Not found"),
            new Plain(ConflictException.class, 409, "conflict", "Conflict"),
            new Plain(GoneException.class, 410, "gone", "Gone"),
            new Plain(NotConfiguredException.class, 503, "not-configured", "Not configured"),
            new Plain(StaleVersionException.class, 412, "stale-version", "Precondition failed"),
            new Plain(org.custodian.application.shared.ContentTooLargeException.class, 413, "too-large",
                    "Content too large"),
            new Plain(org.custodian.application.shared.UnsupportedContentException.class, 415, "unsupported-media-type",
                    "Unsupported media type"));

    /** The body's own failures, checked after them. */
    private static final List<Plain> PLAIN_BODY = List.of(
            new Plain(PayloadTooLargeException.class, 413, "too-large", "Content too large"),
            new Plain(MalformedBodyException.class, 400, "malformed-json", "Malformed JSON"));

    @Inject
    RequestCoordinates coordinates;

    @Context
    ResourceInfo resource;

    @EJB
    BearerAuthentication authentication;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable thrown) {
        String requestId = coordinates.requestId();
        if (thrown instanceof WebApplicationException && unmatchedWithoutToken()) {
            // a request that matched no method never met the token filter: without a token it learns only that
            return Response.fromResponse(Problems.response(401, "unauthorized", "Unauthorized",
                    "this endpoint needs 'Authorization: Bearer <token>'; get a token from POST /api/v1/auth/token",
                    requestId)).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"custodian\"").build();
        }
        Throwable cause = unwrap(thrown);
        if (cause instanceof DomainRuleViolationException invalid) {
            return Problems.response(422, "invalid-input", "Invalid input",
                    "the request is well-formed but some fields are invalid: " + invalid.getMessage(), requestId,
                    invalid.getViolations());
        }
        for (Plain plain : PLAIN) {
            if (plain.type().isInstance(cause)) {
                return Problems.response(plain.status(), plain.slug(), plain.title(), cause.getMessage(), requestId);
            }
        }
        if (isIntegrityViolation(thrown)) {
            // a concurrent request won a uniqueness race (same externalId, same throttle row)
            return Problems.response(409, "conflict", "Conflict",
                    "the change clashes with data written at the same time; read again and retry", requestId);
        }
        if (cause instanceof OptimisticLockException) {
            return Problems.response(409, "conflict", "Conflict",
                    "someone else changed this resource at the same time; read it again and repeat the change",
                    requestId);
        }
        if (cause instanceof AuthenticationFailedException failed) {
            return Response.fromResponse(Problems.response(401, "unauthorized", "Unauthorized", failed.getMessage(),
                    requestId)).header("WWW-Authenticate", "Bearer realm=\"custodian\"").build();
        }
        if (cause instanceof TooManyAttemptsException throttled) {
            return Response.fromResponse(Problems.response(429, "too-many-attempts", "Too many attempts",
                    throttled.getMessage(), requestId))
                    .header("Retry-After", throttled.getRetryAfterSeconds()).build();
        }
        if (cause instanceof SignInBusyException busy) {
            return Response.fromResponse(Problems.response(429, "busy", "Too many requests", busy.getMessage(),
                    requestId)).header("Retry-After", busy.getRetryAfterSeconds()).build();
        }
        for (Plain plain : PLAIN_BODY) {
            if (plain.type().isInstance(cause)) {
                return Problems.response(plain.status(), plain.slug(), plain.title(), cause.getMessage(), requestId);
            }
        }
        if (cause instanceof JsonbException || cause instanceof JsonException) {
            // the parser's own message names internal classes: say what is wrong in API terms only
            return Problems.response(400, "malformed-json", "Malformed JSON",
                    "the body is not valid JSON of the expected shape", requestId);
        }
        if (cause instanceof WebApplicationException web) {
            return fromWebApplicationException(web, requestId);
        }
        LOG.log(Level.SEVERE, "request " + requestId + " failed", thrown);
        return Problems.response(500, "internal-error", "Internal error",
                "the server failed to handle this request; quote request id " + requestId + " to an operator",
                requestId);
    }

    private boolean unmatchedWithoutToken() {
        try {
            return resource.getResourceMethod() == null && !PublicPaths.isPublic(uri.getPath())
                    && !BearerTokenFilter.token(headers.getHeaderString(HttpHeaders.AUTHORIZATION))
                    .filter(authentication::verifies).isPresent();
        } catch (IllegalStateException outsideRequest) {
            return false;
        }
    }

    private static Response fromWebApplicationException(WebApplicationException web, String requestId) {
        int status = web.getResponse().getStatus();
        if (web instanceof NotFoundException || status == 404) {
            return Problems.response(404, "not-found", "Not found", "no such resource", requestId);
        }
        if (web instanceof NotAllowedException) {
            return Response.fromResponse(Problems.response(405, "method-not-allowed", "Method not allowed",
                    "allowed: " + web.getResponse().getAllowedMethods(), requestId))
                    .allow(web.getResponse().getAllowedMethods()).build();
        }
        if (web instanceof NotSupportedException) {
            return Problems.response(415, "unsupported-media-type", "Unsupported media type",
                    "send the body as application/json", requestId);
        }
        if (web instanceof NotAuthorizedException) {
            return Problems.response(401, "unauthorized", "Unauthorized", "a valid bearer token is needed", requestId);
        }
        if (status == 400 && web.getCause() != null) {
            return Problems.response(400, "malformed-request", "Malformed request",
                    "the request could not be read: " + firstLine(web.getCause().getMessage()), requestId);
        }
        String reason = web.getResponse().getStatusInfo().getReasonPhrase();
        return Problems.response(status, "http-" + status, reason, firstLine(web.getMessage()), requestId);
    }

    /** SQLSTATE class 23: the database refused a duplicate key or a broken reference. */
    private static boolean isIntegrityViolation(Throwable thrown) {
        for (Throwable current = thrown; current != null; current = current.getCause()) {
            if (current instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
    }

    /** EJB and JAX-RS wrap causes; the innermost one we know decides the answer. */
    private static Throwable unwrap(Throwable thrown) {
        Throwable current = thrown;
        for (int depth = 0; current != null && depth < 10; depth++) {
            if (current instanceof MalformedBodyException || current instanceof PayloadTooLargeException
                    || current instanceof DomainRuleViolationException
                    || current instanceof AccessDeniedException
                    || current instanceof ResourceNotFoundException || current instanceof ConflictException
                    || current instanceof OptimisticLockException || current instanceof JsonbException
                    || current instanceof JsonException || current instanceof AuthenticationFailedException
                    || current instanceof TooManyAttemptsException || current instanceof SignInBusyException
                    || current instanceof StaleVersionException
                    || current instanceof NotConfiguredException || current instanceof GoneException) {
                return current;
            }
            if (!(current instanceof EJBException || current instanceof ProcessingException
                    || current instanceof RollbackException
                    || current instanceof PersistenceException
                    || current instanceof WebApplicationException && current.getCause() != null
                    || current.getClass().getName().startsWith("org.eclipse.persistence"))) {
                break;
            }
            current = current.getCause();
        }
        return thrown;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
