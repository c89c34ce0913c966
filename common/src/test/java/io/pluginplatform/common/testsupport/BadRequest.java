package io.pluginplatform.common.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One malformed request of the corpus and what the spec fixes about its answer. Every answer must be a 4xx problem
 * detail; {@code status}, {@code code} and {@code mentions} (text the problem must contain, such as the offending
 * field's path) are checked only when set.
 */
public record BadRequest(
        String name,
        String method,
        String path,
        String token,
        Map<String, String> headers,
        String contentType,
        byte[] body,
        boolean chunked,
        Integer status,
        String code,
        String mentions) {

    public static final String JSON = "application/json";

    public static BadRequest of(String name, String method, String path, String token, String json) {
        return new BadRequest(
                name, method, path, token, Map.of(), json == null ? null : JSON, bytes(json), false, null, null, null);
    }

    public BadRequest body(String contentType, byte[] content) {
        return new BadRequest(
                name, method, path, token, headers, contentType, content, chunked, status, code, mentions);
    }

    public BadRequest contentType(String type) {
        return body(type, body);
    }

    public BadRequest streamed() {
        return new BadRequest(name, method, path, token, headers, contentType, body, true, status, code, mentions);
    }

    public BadRequest header(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new BadRequest(name, method, path, token, more, contentType, body, chunked, status, code, mentions);
    }

    public BadRequest expect(int expectedStatus) {
        return new BadRequest(
                name, method, path, token, headers, contentType, body, chunked, expectedStatus, code, mentions);
    }

    public BadRequest expect(int expectedStatus, String expectedCode) {
        return new BadRequest(
                name, method, path, token, headers, contentType, body, chunked, expectedStatus, expectedCode, mentions);
    }

    public BadRequest mentioning(String text) {
        return new BadRequest(name, method, path, token, headers, contentType, body, chunked, status, code, text);
    }

    @Override
    public String toString() {
        return name + " (" + method + " " + path + ")";
    }

    public static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
