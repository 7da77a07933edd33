package org.custodian.interfaces.rest.shared;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.custodian.domain.shared.FieldViolation;

/** Bean Validation failures on request parameters and bodies: 400 naming each parameter or field. */
@Provider
public class ValidationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {

    @Inject
    RequestCoordinates coordinates;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<FieldViolation> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
            violations.add(new FieldViolation(lastNode(violation.getPropertyPath()), violation.getMessage()));
        }
        violations.sort(Comparator.comparing(FieldViolation::field));
        return Problems.response(400, "invalid-request", "Invalid request",
                "some parameters or fields are missing or out of range", coordinates.requestId(), violations);
    }

    private static String lastNode(Path path) {
        String name = null;
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name;
    }
}
