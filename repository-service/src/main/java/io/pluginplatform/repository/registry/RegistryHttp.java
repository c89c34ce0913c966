package io.pluginplatform.repository.registry;

import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Every registry call: connect and read timeouts, at most {@code max-retries} retries with a doubling backoff after a
 * timeout, an I/O error or a 5xx, and {@code Retry-After} honoured on 429 up to {@code max-retry-after}. A registry
 * that still fails is {@code ERROR_REGISTRY_UNAVAILABLE}. Other answers (2xx, 4xx) are returned as they are.
 * Redirects are not followed, so that an {@code Authorization} header never reaches another host.
 */
class RegistryHttp {

    private static final Logger log = LoggerFactory.getLogger(RegistryHttp.class);
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final RestClient client;
    private final int maxRetries;
    private final Duration retryBackoff;
    private final Duration maxRetryAfter;
    private final Sleeper sleeper;

    RegistryHttp(RegistryProperties properties) {
        this(properties, Sleeper.THREAD);
    }

    RegistryHttp(RegistryProperties properties, Sleeper sleeper) {
        HttpClient httpClient = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(properties.readTimeout());
        this.client = RestClient.builder().requestFactory(requestFactory).build();
        this.maxRetries = properties.maxRetries();
        this.retryBackoff = properties.retryBackoff();
        this.maxRetryAfter = properties.maxRetryAfter();
        this.sleeper = sleeper;
    }

    /** A GET; {@code authorization} is the whole header value or {@code null}; {@code registry} names it in errors. */
    RegistryResponse get(URI uri, String authorization, String registry) {
        return execute(HttpMethod.GET, uri, authorization, null, registry);
    }

    /** A POST of a JSON body. */
    RegistryResponse postJson(URI uri, String json, String registry) {
        return execute(HttpMethod.POST, uri, null, json, registry);
    }

    private RegistryResponse execute(HttpMethod method, URI uri, String authorization, String json, String registry) {
        for (int attempt = 0; ; attempt++) {
            boolean lastAttempt = attempt >= maxRetries;
            Duration wait;
            try {
                RegistryResponse response = exchange(method, uri, authorization, json);
                if (response.status() == 429) {
                    Duration retryAfter = retryAfter(response).orElse(backoff(attempt));
                    if (retryAfter.compareTo(maxRetryAfter) > 0) {
                        log.warn(
                                "Registry {} asked to retry {} {} after {}, longer than {}: giving up",
                                registry,
                                method,
                                uri.getRawPath(),
                                retryAfter,
                                maxRetryAfter);
                        throw unavailable(registry);
                    }
                    wait = retryAfter;
                } else if (response.status() >= 500) {
                    wait = retryAfter(response)
                            .filter(retryAfter -> retryAfter.compareTo(maxRetryAfter) <= 0)
                            .orElse(backoff(attempt));
                } else {
                    return response;
                }
                if (lastAttempt) {
                    log.warn(
                            "Registry {} answered {} to {} {} after {} attempts",
                            registry,
                            response.status(),
                            method,
                            uri.getRawPath(),
                            attempt + 1);
                    throw unavailable(registry);
                }
                log.debug("Registry {} answered {}, retrying in {}", registry, response.status(), wait);
            } catch (ResourceAccessException ex) {
                if (lastAttempt) {
                    log.warn(
                            "Registry {} did not answer {} {} after {} attempts: {}",
                            registry,
                            method,
                            uri.getRawPath(),
                            attempt + 1,
                            ex.getMessage());
                    throw unavailable(registry);
                }
                wait = backoff(attempt);
                log.debug("Registry {} did not answer ({}), retrying in {}", registry, ex.getMessage(), wait);
            } catch (RestClientException ex) {
                log.warn("Registry {} call {} {} failed: {}", registry, method, uri.getRawPath(), ex.getMessage());
                throw unavailable(registry);
            }
            pause(wait, registry);
        }
    }

    private RegistryResponse exchange(HttpMethod method, URI uri, String authorization, String json) {
        RestClient.RequestBodySpec request = client.method(method).uri(uri).headers(headers -> {
            headers.setAccept(List.of(MediaType.APPLICATION_JSON));
            if (authorization != null) {
                headers.set(HttpHeaders.AUTHORIZATION, authorization);
            }
        });
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.exchange(
                (clientRequest, response) -> new RegistryResponse(
                        response.getStatusCode().value(),
                        HttpHeaders.copyOf(response.getHeaders()),
                        read(response.getBody())),
                true);
    }

    private static String read(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new IOException("registry answer larger than " + MAX_BODY_BYTES + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private Duration backoff(int attempt) {
        return retryBackoff.multipliedBy(1L << Math.min(attempt, 16));
    }

    /** {@code Retry-After} in seconds; the HTTP-date form is ignored (the backoff applies). */
    private static Optional<Duration> retryAfter(RegistryResponse response) {
        String value = response.header(HttpHeaders.RETRY_AFTER);
        if (value == null || !value.trim().matches("\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
    }

    private void pause(Duration wait, String registry) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw unavailable(registry);
        }
    }

    static PlatformException unavailable(String registry) {
        return PlatformException.of(ErrorCode.ERROR_REGISTRY_UNAVAILABLE, "registry_url", registry);
    }
}
