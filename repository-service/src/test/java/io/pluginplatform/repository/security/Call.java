package io.pluginplatform.repository.security;

import io.pluginplatform.repository.testsupport.Api.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One HTTP request with full control over what {@code Api} fixes: the raw {@code Authorization} header (or none),
 * further headers such as {@code X-Domain-Id}, and the body.
 */
final class Call {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpRequest.Builder request;
    private final String method;
    private String body;

    private Call(String base, String method, String path) {
        this.request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        this.method = method;
    }

    static Call to(String base, String method, String path) {
        return new Call(base, method, path);
    }

    /** {@code Authorization: Bearer <token>}; a null token sends no header at all. */
    Call bearer(String token) {
        return token == null ? this : header("Authorization", "Bearer " + token);
    }

    Call header(String name, String value) {
        request.header(name, value);
        return this;
    }

    /** A JSON body; null sends none. */
    Call json(String json) {
        this.body = json;
        return this;
    }

    Response send() {
        if (body != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(method + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
