package io.pluginplatform.common.web;

import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.FieldViolation;
import io.pluginplatform.common.error.PlatformException;
import jakarta.servlet.RequestDispatcher;
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
                instance(request),
                code.name(),
                RequestIds.of(request),
                errors);
    }

    /**
     * The problem for an HTTP error status that no handler explained: a request the security firewall or the servlet
     * container refused (an encoded NUL or slash in the path, a request line too long), or an error dispatch.
     */
    public static PlatformException forStatus(HttpServletRequest request, int status) {
        return switch (status) {
            case 401 ->
                PlatformException.of(
                        ErrorCode.ERROR_AUTHENTICATE_FAILURE, "message", "a valid bearer token is required");
            case 403 -> PlatformException.forbidden("access denied");
            case 404 -> PlatformException.notFound("path", instance(request));
            case 405 -> PlatformException.of(ErrorCode.ERROR_METHOD_NOT_ALLOWED, "method", request.getMethod());
            case 413 -> PlatformException.of(ErrorCode.ERROR_PAYLOAD_TOO_LARGE, "max_bytes", "limit");
            case 415 ->
                PlatformException.of(
                        ErrorCode.ERROR_UNSUPPORTED_MEDIA_TYPE,
                        "content_type",
                        request.getContentType() == null ? "none" : request.getContentType());
            case 503 -> PlatformException.of(ErrorCode.ERROR_SERVICE_UNAVAILABLE, "reason", "try again later");
            default ->
                status >= 400 && status < 500
                        ? PlatformException.invalid("request", "the request line, path or headers are malformed")
                        : PlatformException.of(ErrorCode.ERROR_UNKNOWN, "request_id", RequestIds.of(request));
        };
    }

    /** The path the caller asked for, also during the container's error dispatch to the error path. */
    private static String instance(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return original != null ? original.toString() : request.getRequestURI();
    }

    public ResponseEntity<Problem> entity(HttpServletRequest request, PlatformException error) {
        ResponseEntity.BodyBuilder builder =
                ResponseEntity.status(error.code().status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (error.code().retryable()) {
            builder.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return builder.body(problem(request, error));
    }

    /** The problem as JSON text, for writers outside Spring MVC. */
    String json(Problem problem) {
        return json.writeValueAsString(problem);
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
