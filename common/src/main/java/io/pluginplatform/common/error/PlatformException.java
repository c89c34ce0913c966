package io.pluginplatform.common.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one exception type of the platform: an {@link ErrorCode}, the arguments of its message and, for validation
 * failures, the offending fields. The advice renders it as an RFC 9457 problem detail.
 */
public class PlatformException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> arguments;
    private final List<FieldViolation> violations;

    private PlatformException(ErrorCode code, Map<String, Object> arguments, List<FieldViolation> violations) {
        super(render(code, arguments));
        this.code = code;
        this.arguments = Map.copyOf(arguments);
        this.violations = List.copyOf(violations);
    }

    /** Builds an exception; {@code keysAndValues} alternate placeholder names and values. */
    public static PlatformException of(ErrorCode code, Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            arguments.put(String.valueOf(keysAndValues[i]), String.valueOf(keysAndValues[i + 1]));
        }
        return new PlatformException(code, arguments, List.of());
    }

    public static PlatformException required(String key) {
        return of(ErrorCode.ERROR_REQUIRED_PARAMETER, "key", key).withViolation(key, "is required");
    }

    public static PlatformException invalid(String key, String reason) {
        return of(ErrorCode.ERROR_INVALID_PARAMETER, "key", key, "reason", reason)
                .withViolation(key, reason);
    }

    public static PlatformException notFound(String key, Object value) {
        return of(ErrorCode.ERROR_NOT_FOUND, "key", key, "value", value);
    }

    public static PlatformException forbidden(String reason) {
        return of(ErrorCode.ERROR_PERMISSION_DENIED, "reason", reason);
    }

    /** Validation failures listing every offending field, reported under one code. */
    public static PlatformException invalidFields(ErrorCode code, List<FieldViolation> violations) {
        FieldViolation first = violations.get(0);
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("key", first.field());
        arguments.put("reason", first.message());
        return new PlatformException(code, arguments, violations);
    }

    public PlatformException withViolation(String field, String message) {
        List<FieldViolation> all = new java.util.ArrayList<>(violations);
        all.add(new FieldViolation(field, message));
        return new PlatformException(code, arguments, all);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> arguments() {
        return arguments;
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    static String render(ErrorCode code, Map<String, Object> arguments) {
        String message = code.template();
        for (Map.Entry<String, Object> argument : arguments.entrySet()) {
            message = message.replace("{" + argument.getKey() + "}", String.valueOf(argument.getValue()));
        }
        return message;
    }
}
