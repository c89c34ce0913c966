package io.pluginplatform.common.error;

import org.springframework.http.HttpStatus;

/**
 * Every error the platform answers with: the reference system's code, the HTTP status it maps to and the message
 * template, whose {@code {name}} placeholders are filled from the exception's arguments.
 */
public enum ErrorCode {
    ERROR_REQUIRED_PARAMETER(HttpStatus.BAD_REQUEST, "Required parameter. (key = {key})"),
    ERROR_INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "Parameter is invalid. (key = {key}, reason = {reason})"),
    ERROR_INVALID_PARAMETER_TYPE(HttpStatus.BAD_REQUEST, "Parameter type is invalid. (key = {key}, type = {type})"),
    ERROR_OPERATOR_LIST_VALUE_TYPE(
            HttpStatus.BAD_REQUEST,
            "Operator only supports list type. (operator = {operator}, condition = {condition})"),
    ERROR_OPERATOR_VALUE_TYPE(
            HttpStatus.BAD_REQUEST,
            "Operator does not support list type. (operator = {operator}, condition = {condition})"),
    ERROR_OPERATOR_DICT_VALUE_TYPE(
            HttpStatus.BAD_REQUEST,
            "Operator only supports dict type. (operator = {operator}, condition = {condition})"),
    ERROR_OPERATOR_BOOLEAN_TYPE(
            HttpStatus.BAD_REQUEST,
            "Operator only supports boolean type. (operator = {operator}, condition = {condition})"),
    ERROR_INVALID_IMAGE_FORMAT(HttpStatus.BAD_REQUEST, "Image format is invalid. (image = {image}, reason = {reason})"),
    ERROR_INVALID_IMAGE_LENGTH(
            HttpStatus.BAD_REQUEST, "Image length is invalid. (image = {image}, max_length = {max_length})"),
    ERROR_INVALID_TEMPLATE_SCHEMA(
            HttpStatus.BAD_REQUEST, "Template schema is invalid. (path = {path}, reason = {reason})"),
    ERROR_INVALID_PLUGIN_VERSION(
            HttpStatus.BAD_REQUEST, "Plugin version is invalid. (plugin_id = {plugin_id}, version = {version})"),
    ERROR_NO_IMAGE_IN_REGISTRY(
            HttpStatus.BAD_REQUEST,
            "Image has no tag in the registry. (registry_url = {registry_url}, image = {image})"),
    ERROR_PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Request body is too large. (max_bytes = {max_bytes})"),
    ERROR_UNSUPPORTED_MEDIA_TYPE(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Request body must be JSON. (content_type = {content_type})"),
    ERROR_METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method is not allowed. (method = {method})"),

    ERROR_AUTHENTICATE_FAILURE(HttpStatus.UNAUTHORIZED, "Authenticate failure. (message = {message})"),
    ERROR_PERMISSION_DENIED(HttpStatus.FORBIDDEN, "Permission denied. (reason = {reason})"),
    ERROR_NOT_FOUND(HttpStatus.NOT_FOUND, "Resource cannot be found or access is denied. ({key} = {value})"),

    ERROR_SAVE_UNIQUE_VALUES(HttpStatus.CONFLICT, "Tried to save duplicate unique values. (keys = {keys})"),
    ERROR_CONCURRENT_UPDATE(
            HttpStatus.CONFLICT, "The resource was changed by another request, retry. ({key} = {value})"),
    ERROR_SUPERVISOR_STATE(
            HttpStatus.CONFLICT,
            "Supervisor state does not allow this. (supervisor_id = {supervisor_id}, state = {state})"),
    ERROR_PLUGIN_STATE_CHANGE(
            HttpStatus.CONFLICT, "Plugin state cannot change. (plugin_id = {plugin_id}, state = {state})"),
    ERROR_INSTALLED_PLUGIN_EXIST(
            HttpStatus.CONFLICT, "Plugins are still installed. (supervisor_id = {supervisor_id}, count = {count})"),
    ERROR_NOT_LOCAL_REPOSITORY(
            HttpStatus.CONFLICT,
            "Only plugins of the local repository can be changed. (repository_id = {repository_id})"),
    ERROR_PLUGIN_DISABLED(HttpStatus.CONFLICT, "Plugin is disabled. (plugin_id = {plugin_id})"),

    ERROR_PLUGIN_PROVISIONING_FAILED(
            HttpStatus.BAD_GATEWAY, "Plugin provisioning failed. (plugin_id = {plugin_id}, reason = {reason})"),

    ERROR_REGISTRY_UNAVAILABLE(
            HttpStatus.SERVICE_UNAVAILABLE, "Container registry is unavailable. (registry_url = {registry_url})"),
    ERROR_REPOSITORY_UNAVAILABLE(
            HttpStatus.SERVICE_UNAVAILABLE, "Repository is unavailable. (repository_id = {repository_id})"),
    ERROR_NO_POSSIBLE_SUPERVISOR(
            HttpStatus.SERVICE_UNAVAILABLE, "No supervisor can run this plugin. (plugin_id = {plugin_id})"),
    ERROR_SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Service is unavailable. (reason = {reason})"),

    ERROR_INSTALL_PLUGIN_TIMEOUT(
            HttpStatus.GATEWAY_TIMEOUT, "Plugin was not ready in time. (plugin_id = {plugin_id}, version = {version})"),
    ERROR_QUERY_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "Query exceeded its time limit. (max_time_ms = {max_time_ms})"),

    ERROR_UNKNOWN(HttpStatus.INTERNAL_SERVER_ERROR, "Unknown error. (request_id = {request_id})");

    private final HttpStatus status;
    private final String template;

    ErrorCode(HttpStatus status, String template) {
        this.status = status;
        this.template = template;
    }

    public HttpStatus status() {
        return status;
    }

    public String template() {
        return template;
    }

    /** True for the upstream-unavailable codes, which answer with {@code Retry-After}. */
    public boolean retryable() {
        return status == HttpStatus.SERVICE_UNAVAILABLE;
    }
}
