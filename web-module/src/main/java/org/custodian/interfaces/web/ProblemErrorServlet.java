package org.custodian.interfaces.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Error page for failures the container answers before JAX-RS sees the request (a rejected
 * bearer token, an unknown path): the body is an RFC 9457 problem, not the server's HTML page.
 */
@WebServlet(name = "ProblemErrorServlet", urlPatterns = "/problem-error")
public class ProblemErrorServlet extends HttpServlet {

    private static final Map<Integer, String[]> KNOWN = Map.ofEntries(
            Map.entry(400, new String[] {"malformed-request", "Malformed request",
                "the request could not be read (check the Content-Type header, the URL and the body)"}),
            Map.entry(401, new String[] {"unauthorized", "Unauthorized",
                "the bearer token was rejected (bad signature, wrong issuer or audience, or expired); get a new one from POST /api/v1/auth/token"}),
            Map.entry(403, new String[] {"forbidden", "Forbidden", "you may not use this resource"}),
            Map.entry(404, new String[] {"not-found", "Not found", "no such resource"}),
            Map.entry(405, new String[] {"method-not-allowed", "Method not allowed", "this resource does not accept that method"}),
            Map.entry(406, new String[] {"not-acceptable", "Not acceptable", "this resource answers application/json"}),
            Map.entry(411, new String[] {"length-required", "Length required", "send a Content-Length"}),
            Map.entry(413, new String[] {"too-large", "Content too large", "the request body is too large"}),
            Map.entry(414, new String[] {"uri-too-long", "URI too long", "the URL is too long"}),
            Map.entry(415, new String[] {"unsupported-media-type", "Unsupported media type", "send the body as application/json"}),
            Map.entry(431, new String[] {"headers-too-large", "Request header fields too large", "the request headers are too large"}),
            Map.entry(501, new String[] {"not-implemented", "Not implemented", "this method is not supported"}),
            Map.entry(503, new String[] {"unavailable", "Service unavailable", "the service is starting or overloaded; retry later"}));

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // called directly, not as an error page: there is nothing here
        int status = code instanceof Integer value ? value : 404;
        String[] known = KNOWN.getOrDefault(status,
                new String[] {"internal-error", "Internal error", "the server failed to handle this request"});
        if (status == 401 && request.getHeader("Authorization") == null) {
            known = new String[] {"unauthorized", "Unauthorized",
                "this endpoint needs 'Authorization: Bearer <token>'; get a token from POST /api/v1/auth/token"};
        }
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"custodian\"");
        }
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"https://custodian.example/problems/" + known[0] + "\",\"title\":\""
                + known[1] + "\",\"status\":" + status + ",\"detail\":\"" + known[2] + "\"}");
    }
}
