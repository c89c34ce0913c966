package io.pluginplatform.common.web;

import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.FieldViolation;
import io.pluginplatform.common.error.PlatformException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where failures become HTTP answers. Client mistakes are 4xx problem details naming the offending
 * field; anything unexpected is a 500 whose body and log line carry the request id but never the exception's text,
 * which may hold database messages or secrets.
 */
@RestControllerAdvice
public class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final ProblemWriter problems;

    public ProblemAdvice(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler(PlatformException.class)
    ResponseEntity<Problem> platform(HttpServletRequest request, PlatformException error) {
        return problems.entity(request, error);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(HttpServletRequest request, HttpMessageNotReadableException error) {
        return problems.entity(request, fromUnreadableBody(error));
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<Problem> invalidFields(HttpServletRequest request, BindException error) {
        List<FieldViolation> violations = new ArrayList<>();
        boolean allMissing = true;
        for (org.springframework.validation.FieldError field : error.getFieldErrors()) {
            violations.add(new FieldViolation(snakeCase(field.getField()), field.getDefaultMessage()));
            String constraint = field.getCode();
            allMissing &=
                    "NotNull".equals(constraint) || "NotBlank".equals(constraint) || "NotEmpty".equals(constraint);
        }
        if (violations.isEmpty()) {
            violations.add(new FieldViolation("body", "is invalid"));
            allMissing = false;
        }
        ErrorCode code = allMissing ? ErrorCode.ERROR_REQUIRED_PARAMETER : ErrorCode.ERROR_INVALID_PARAMETER;
        return problems.entity(request, PlatformException.invalidFields(code, violations));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Problem> invalidArguments(HttpServletRequest request, HandlerMethodValidationException error) {
        List<FieldViolation> violations = error.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(message -> new FieldViolation(
                                snakeCase(result.getMethodParameter().getParameterName()),
                                message.getDefaultMessage())))
                .collect(Collectors.toCollection(ArrayList::new));
        if (violations.isEmpty()) {
            violations.add(new FieldViolation("request", "is invalid"));
        }
        return problems.entity(request, PlatformException.invalidFields(ErrorCode.ERROR_INVALID_PARAMETER, violations));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Problem> constraintViolations(HttpServletRequest request, ConstraintViolationException error) {
        List<FieldViolation> violations = error.getConstraintViolations().stream()
                .map(v -> new FieldViolation(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .collect(Collectors.toCollection(ArrayList::new));
        if (violations.isEmpty()) {
            violations.add(new FieldViolation("request", "is invalid"));
        }
        return problems.entity(request, PlatformException.invalidFields(ErrorCode.ERROR_INVALID_PARAMETER, violations));
    }

    /** Tomcat refuses to decode a query string such as {@code ?limit=%ZZ} only when a handler first reads it. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Problem> invalidQueryString(HttpServletRequest request, InvalidParameterException error) {
        return problems.entity(
                request, PlatformException.invalid("query_string", "must be percent-encoded UTF-8 name=value pairs"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Problem> missingParameter(HttpServletRequest request, MissingServletRequestParameterException e) {
        return problems.entity(request, PlatformException.required(e.getParameterName()));
    }

    @ExceptionHandler({MissingPathVariableException.class, MissingRequestHeaderException.class})
    ResponseEntity<Problem> missingPart(HttpServletRequest request, Exception error) {
        return problems.entity(request, PlatformException.required("request"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Problem> typeMismatch(HttpServletRequest request, MethodArgumentTypeMismatchException error) {
        String type = jsonType(error.getRequiredType());
        return problems.entity(
                request,
                PlatformException.of(
                                ErrorCode.ERROR_INVALID_PARAMETER_TYPE, "key", snakeCase(error.getName()), "type", type)
                        .withViolation(snakeCase(error.getName()), "must be of type " + type));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Problem> notJson(HttpServletRequest request, HttpMediaTypeNotSupportedException error) {
        String contentType =
                error.getContentType() == null ? "none" : error.getContentType().toString();
        return problems.entity(
                request, PlatformException.of(ErrorCode.ERROR_UNSUPPORTED_MEDIA_TYPE, "content_type", contentType));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Problem> notAcceptable(HttpServletRequest request, HttpMediaTypeNotAcceptableException error) {
        return problems.entity(request, PlatformException.invalid("Accept", "only application/json is produced"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Problem> methodNotAllowed(HttpServletRequest request, HttpRequestMethodNotSupportedException e) {
        return problems.entity(
                request, PlatformException.of(ErrorCode.ERROR_METHOD_NOT_ALLOWED, "method", e.getMethod()));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Problem> noRoute(HttpServletRequest request, Exception error) {
        return problems.entity(request, PlatformException.notFound("path", request.getRequestURI()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Problem> tooLarge(HttpServletRequest request, MaxUploadSizeExceededException error) {
        return problems.entity(request, PlatformException.of(ErrorCode.ERROR_PAYLOAD_TOO_LARGE, "max_bytes", "limit"));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Problem> duplicate(HttpServletRequest request, DuplicateKeyException error) {
        return problems.entity(request, PlatformException.of(ErrorCode.ERROR_SAVE_UNIQUE_VALUES, "keys", "[id]"));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Problem> concurrentUpdate(HttpServletRequest request, OptimisticLockingFailureException error) {
        return problems.entity(
                request, PlatformException.of(ErrorCode.ERROR_CONCURRENT_UPDATE, "key", "resource", "value", "any"));
    }

    @ExceptionHandler(QueryTimeoutException.class)
    ResponseEntity<Problem> queryTimeout(HttpServletRequest request, QueryTimeoutException error) {
        return problems.entity(request, PlatformException.of(ErrorCode.ERROR_QUERY_TIMEOUT, "max_time_ms", "limit"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Problem> denied(HttpServletRequest request, AccessDeniedException error) {
        return problems.entity(request, PlatformException.forbidden("role"));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Problem> unauthenticated(HttpServletRequest request, AuthenticationException error) {
        return problems.entity(
                request, PlatformException.of(ErrorCode.ERROR_AUTHENTICATE_FAILURE, "message", "invalid token"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> unexpected(HttpServletRequest request, Exception error) {
        PlatformException cause = platformCause(error);
        if (cause != null) {
            return problems.entity(request, cause);
        }
        String requestId = RequestIds.of(request);
        // The exception's text may carry database messages or secrets: log its type only, the trace at debug.
        log.error(
                "Unexpected error (request_id={}, type={})",
                requestId,
                error.getClass().getName());
        log.debug("Unexpected error detail (request_id={})", requestId, error);
        return problems.entity(request, PlatformException.of(ErrorCode.ERROR_UNKNOWN, "request_id", requestId));
    }

    static PlatformException fromUnreadableBody(HttpMessageNotReadableException error) {
        PlatformException cause = platformCause(error);
        if (cause != null) {
            return cause;
        }
        Throwable root = error.getCause();
        if (root instanceof UnrecognizedPropertyException unknown) {
            String key = path(unknown);
            return PlatformException.invalid(key, "unknown property");
        }
        if (root instanceof InvalidFormatException format) {
            String key = path(format);
            String type = jsonType(format.getTargetType());
            return PlatformException.of(ErrorCode.ERROR_INVALID_PARAMETER_TYPE, "key", key, "type", type)
                    .withViolation(key, "must be a valid " + type);
        }
        if (root instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String key = path(mismatch);
            String type = jsonType(mismatch.getTargetType());
            return PlatformException.of(ErrorCode.ERROR_INVALID_PARAMETER_TYPE, "key", key, "type", type)
                    .withViolation(key, "has the wrong type, expected " + type);
        }
        if (root instanceof StreamReadException) {
            return PlatformException.invalid("body", "malformed JSON");
        }
        if (root instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            return PlatformException.invalid(path(jackson), "is invalid");
        }
        return PlatformException.invalid("body", "a JSON object is required");
    }

    private static String path(JacksonException error) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : error.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    static PlatformException platformCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PlatformException platform) {
                return platform;
            }
        }
        return null;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return snakeCase(dot >= 0 ? path.substring(dot + 1) : path);
    }

    static String snakeCase(String name) {
        if (name == null) {
            return "value";
        }
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    /** A Java target type in the words of JSON, so that no class name reaches a client. */
    static String jsonType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (CharSequence.class.isAssignableFrom(type)
                || type.isEnum()
                || type == Character.class
                || type == char.class) {
            return "string";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        return "object";
    }
}
