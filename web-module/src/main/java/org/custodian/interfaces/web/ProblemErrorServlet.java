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

    private static final Map<Integer, String[]> KNOWN = Map.of(
            401, new String[] {"unauthorized", "Unauthorized",
                "the bearer token was rejected (bad signature, wrong issuer or audience, or expired); get a new one from POST /api/v1/auth/token"},
            403, new String[] {"forbidden", "Forbidden", "you may not use this resource"},
            404, new String[] {"not-found", "Not found", "no such resource"},
            405, new String[] {"method-not-allowed", "Method not allowed", "this resource does not accept that method"});

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : response.getStatus();
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
