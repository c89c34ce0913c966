package io.pluginplatform.repository.registry;

import io.pluginplatform.common.error.PlatformException;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a registry is reached: HTTPS to its host, except plain HTTP to the loopback ({@code 127.0.0.1},
 * {@code localhost}, {@code [::1]}, any port) or when the registry is configured as insecure.
 */
record RegistryEndpoint(String scheme, String authority) {

    private static final Pattern AUTHORITY = Pattern.compile(
            "(?:[a-z0-9](?:[a-z0-9-]{0,62})(?:\\.[a-z0-9](?:[a-z0-9-]{0,62}))*|\\[[0-9a-f:.]+])(?::\\d{1,5})?");

    /** The endpoint of a registry written as a host with an optional port ({@code https://} is tolerated). */
    static RegistryEndpoint of(String registryUrl, boolean insecure) {
        String authority = authority(registryUrl);
        return new RegistryEndpoint(insecure || isLoopback(authority) ? "http" : "https", authority);
    }

    /** The host and port of a registry URL, lower-cased, without a scheme or trailing slash. */
    static String authority(String registryUrl) {
        if (registryUrl == null || registryUrl.isBlank()) {
            throw PlatformException.required("registry_url");
        }
        String authority = registryUrl.trim().toLowerCase(Locale.ROOT);
        if (authority.startsWith("https://")) {
            authority = authority.substring("https://".length());
        } else if (authority.startsWith("http://")) {
            authority = authority.substring("http://".length());
        }
        while (authority.endsWith("/")) {
            authority = authority.substring(0, authority.length() - 1);
        }
        if (authority.length() > 261 || !AUTHORITY.matcher(authority).matches()) {
            throw PlatformException.invalid("registry_url", "must be a host with an optional port, without a path");
        }
        return authority;
    }

    static boolean isLoopback(String authority) {
        String host = authority;
        if (host.startsWith("[")) {
            host = host.substring(0, host.indexOf(']') + 1);
        } else if (host.indexOf(':') >= 0) {
            host = host.substring(0, host.indexOf(':'));
        }
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
    }

    /** True when a URL given by the registry (a token realm) may be used with this endpoint's security. */
    boolean allows(URI uri) {
        if ("https".equalsIgnoreCase(uri.getScheme())) {
            return uri.getRawAuthority() != null;
        }
        return "http".equalsIgnoreCase(uri.getScheme())
                && uri.getRawAuthority() != null
                && ("http".equals(scheme) || isLoopback(uri.getRawAuthority().toLowerCase(Locale.ROOT)));
    }

    URI resolve(String pathAndQuery) {
        return URI.create(scheme + "://" + authority + pathAndQuery);
    }

    /**
     * A pagination link ({@code Link} header or Docker Hub's {@code next}), relative or absolute, resolved against this
     * endpoint: only its path and query are kept, so that pages are always read from the same host with the same
     * security and credentials never travel elsewhere.
     */
    URI follow(String link) {
        URI uri = URI.create(link.trim());
        String path = uri.getRawPath();
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("pagination link without an absolute path");
        }
        return resolve(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
    }

    /** How the registry is named in errors and logs. */
    String url() {
        return authority;
    }
}
