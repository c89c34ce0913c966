package io.pluginplatform.common.web;

import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.FieldViolation;
import io.pluginplatform.common.error.PlatformException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.ObjectMapper;

/**
 * Renders a {@link PlatformException} as a problem detail: from the controller advice as a {@link ResponseEntity},
 * and from servlet filters and security handlers straight onto the response.
 */
public class ProblemWriter {

    /** Seconds a client is asked to wait before retrying an upstream that is unavailable. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public Problem problem(HttpServletRequest request, PlatformException error) {
        ErrorCode code = error.code();
        HttpStatus status = code.status();
        List<FieldViolation> errors = error.violations().isEmpty() ? null : error.violations();
        return new Problem(
                "about:blank",
                status.getReasonPhrase(),
                status.value(),
                error.getMessage(),
                request.getRequestURI(),
                code.name(),
                RequestIds.of(request),
                errors);
    }

    public ResponseEntity<Problem> entity(HttpServletRequest request, PlatformException error) {
        ResponseEntity.BodyBuilder builder =
                ResponseEntity.status(error.code().status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (error.code().retryable()) {
            builder.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return builder.body(problem(request, error));
    }

    public void write(HttpServletRequest request, HttpServletResponse response, PlatformException error)
            throws IOException {
        response.setStatus(error.code().status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (error.code().retryable()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        json.writeValue(response.getOutputStream(), problem(request, error));
    }
}
