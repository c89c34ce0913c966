package io.pluginplatform.plugin.catalogue;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.repository.*}: how plugin-service reaches repository-service.
 *
 * @param url repository-service's base URL
 * @param token the service token (SYSTEM role) to call with; when absent one is minted with
 *     {@code platform.security.jwt-secret}
 * @param cacheTtl how long a plugin and its versions are served from the cache
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 */
@ConfigurationProperties("platform.repository")
record RepositoryProperties(
        @DefaultValue("http://127.0.0.1:8081") String url,
        String token,
        @DefaultValue("30s") Duration cacheTtl,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout) {

    RepositoryProperties {
        token = token == null || token.isBlank() ? null : token.trim();
        // the URL may carry credentials: it is never repeated in a message
        URI parsed;
        try {
            parsed = url == null ? null : URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        if (parsed == null
                || parsed.getHost() == null
                || !("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme()))) {
            throw new IllegalArgumentException(
                    "platform.repository.url (REPOSITORY_SERVICE_URL) must be an http or https URL");
        }
        url = url.trim();
        requirePositive(cacheTtl, "platform.repository.cache-ttl");
        requirePositive(connectTimeout, "platform.repository.connect-timeout");
        requirePositive(readTimeout, "platform.repository.read-timeout");
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** Without the token, so that logging the properties never leaks it. */
    @Override
    public String toString() {
        return "RepositoryProperties[cacheTtl=" + cacheTtl + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", token=" + (token == null ? "none" : "(set)") + "]";
    }
}
