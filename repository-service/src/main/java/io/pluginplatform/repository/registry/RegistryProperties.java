package io.pluginplatform.repository.registry;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.registry.*}: timeouts and retries of every registry call, the tag cache, and registry mirrors.
 *
 * @param connectTimeout time to open a connection
 * @param readTimeout time to wait for an answer
 * @param maxRetries retries after a timeout, an I/O error, a 5xx or a 429 (so at most {@code 1 + maxRetries} calls)
 * @param retryBackoff wait before the first retry, doubled before each further one
 * @param maxRetryAfter longest {@code Retry-After} that is waited for; a longer one makes the registry unavailable
 * @param cacheTtl how long an image's tags are served from the cache without asking the registry
 * @param staleTtl how long cached tags may still be served when the registry fails
 * @param cacheSize how many (registry, image) answers are kept
 * @param mirror registry host to the mirror host its tags are read from ({@code registry.hub.docker.com} →
 *     {@code 127.0.0.1:5000}); a mirror is read through the OCI API, anonymously, over HTTPS unless it is the loopback
 *     or written {@code http://host:port}
 */
@ConfigurationProperties("platform.registry")
public record RegistryProperties(
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue("2") int maxRetries,
        @DefaultValue("200ms") Duration retryBackoff,
        @DefaultValue("10s") Duration maxRetryAfter,
        @DefaultValue("60s") Duration cacheTtl,
        @DefaultValue("10m") Duration staleTtl,
        @DefaultValue("10000") long cacheSize,
        Map<String, String> mirror) {

    public RegistryProperties {
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(2), "connect-timeout");
        readTimeout = positive(readTimeout, Duration.ofSeconds(5), "read-timeout");
        retryBackoff = notNegative(retryBackoff, Duration.ofMillis(200), "retry-backoff");
        maxRetryAfter = notNegative(maxRetryAfter, Duration.ofSeconds(10), "max-retry-after");
        cacheTtl = notNegative(cacheTtl, Duration.ofSeconds(60), "cache-ttl");
        staleTtl = notNegative(staleTtl, Duration.ofMinutes(10), "stale-ttl");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("platform.registry.max-retries must not be negative");
        }
        if (cacheSize < 0) {
            throw new IllegalArgumentException("platform.registry.cache-size must not be negative");
        }
        Map<String, String> mirrors = new LinkedHashMap<>();
        if (mirror != null) {
            mirror.forEach((host, target) -> mirrors.put(host.trim().toLowerCase(Locale.ROOT), target.trim()));
        }
        mirror = Map.copyOf(mirrors);
    }

    /** The defaults, as when no {@code platform.registry.*} property is set. */
    public static RegistryProperties defaults() {
        return new RegistryProperties(null, null, 2, null, null, null, null, 10_000, Map.of());
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        Duration result = value == null ? fallback : value;
        if (result.isNegative() || result.isZero()) {
            throw new IllegalArgumentException("platform.registry." + name + " must be positive");
        }
        return result;
    }

    private static Duration notNegative(Duration value, Duration fallback, String name) {
        Duration result = value == null ? fallback : value;
        if (result.isNegative()) {
            throw new IllegalArgumentException("platform.registry." + name + " must not be negative");
        }
        return result;
    }
}
