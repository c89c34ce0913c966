package io.pluginplatform.common.testsupport;

import io.pluginplatform.common.testsupport.Api.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP request with full control over what {@code Api}'s short forms fix: the raw {@code Authorization} header (or
 * none), further headers such as {@code X-Domain-Id}, and the body.
 */
public final class Call {

    private final Api api;
    private final String method;
    private final String path;
    private final List<String> headers = new ArrayList<>();
    private String body;

    private Call(Api api, String method, String path) {
        this.api = api;
        this.method = method;
        this.path = path;
    }

    public static Call to(Api api, String method, String path) {
        return new Call(api, method, path);
    }

    /** {@code Authorization: Bearer <token>}; a null token sends no header at all. */
    public Call bearer(String token) {
        return token == null ? this : header("Authorization", "Bearer " + token);
    }

    public Call header(String name, String value) {
        headers.add(name);
        headers.add(value);
        return this;
    }

    /** A JSON body; null sends none. */
    public Call json(String json) {
        this.body = json;
        return this;
    }

    public Response send() {
        return api.send(method, path, null, body, "application/json", headers.toArray(String[]::new));
    }
}
