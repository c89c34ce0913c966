package io.pluginplatform.repository.registry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.pluginplatform.common.api.repository.RegistryType;
import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import io.pluginplatform.common.version.Versions;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versions of a plugin image: every tag the registry lists, newest first in the platform's version order.
 *
 * <p>A registry host listed in {@code platform.registry.mirror} is read from its mirror through the OCI API (Docker Hub
 * images keep their {@code library/} prefix). Answers are cached per (registry, image, credentials) for
 * {@code cache-ttl}; concurrent misses for the same key share one registry call; when the registry is unavailable, an
 * answer younger than {@code stale-ttl} is served instead. An image without tags is not cached, so that an image pushed
 * right after a failed registration is seen at once. Credentials enter cache keys only as a keyed hash.
 */
public class RegistryVersions {

    private static final Logger log = LoggerFactory.getLogger(RegistryVersions.class);

    private final RegistryConnector dockerHub;
    private final RegistryConnector oci;
    private final Map<String, Mirror> mirrors;
    private final long ttlNanos;
    private final long staleNanos;
    private final Ticker ticker;
    private final Cache<CacheKey, CachedTags> cache;
    private final ConcurrentMap<CacheKey, CompletableFuture<List<String>>> inFlight = new ConcurrentHashMap<>();
    private final SecretKeySpec fingerprintKey;

    RegistryVersions(RegistryConnector dockerHub, RegistryConnector oci, RegistryProperties properties, Ticker ticker) {
        this.dockerHub = dockerHub;
        this.oci = oci;
        this.mirrors = mirrors(properties.mirror());
        this.ttlNanos = properties.cacheTtl().toNanos();
        this.staleNanos = Math.max(properties.staleTtl().toNanos(), ttlNanos);
        this.ticker = ticker;
        this.cache = Caffeine.newBuilder()
                .ticker(ticker)
                .expireAfterWrite(
                        properties.staleTtl().compareTo(properties.cacheTtl()) > 0
                                ? properties.staleTtl()
                                : properties.cacheTtl())
                .maximumSize(properties.cacheSize())
                .build();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.fingerprintKey = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The registry versions with real connectors and the system ticker, as {@link RegistryConfiguration} wires it. */
    public static RegistryVersions create(RegistryProperties properties) {
        RegistryHttp http = new RegistryHttp(properties);
        return new RegistryVersions(
                new DockerHubConnector(http), new OciConnector(http), properties, Ticker.systemTicker());
    }

    /**
     * All tags of the image, versions newest first, then the other tags alphabetically.
     *
     * @param type the registry's API; {@code null} means Docker Hub
     * @param registryUrl the registry host; {@code null} or blank means the type's default host
     * @param image the repository path without host or tag
     * @param credentials the plugin's registry credentials, or {@code null}
     * @return the tags, empty when the registry does not know the image
     * @throws PlatformException {@code ERROR_REGISTRY_UNAVAILABLE} when the registry fails and nothing recent enough is
     *     cached; {@code ERROR_REQUIRED_PARAMETER} when a type without default host is given no registry URL
     */
    public List<String> versions(RegistryType type, String registryUrl, String image, RegistryCredentials credentials) {
        Source source = source(type, registryUrl, image, credentials);
        CacheKey key = new CacheKey(source.api(), source.registry(), source.image(), fingerprint(source.credentials()));
        CachedTags cached = cache.getIfPresent(key);
        if (cached != null && age(cached) < ttlNanos) {
            return cached.tags();
        }
        try {
            return load(key, source);
        } catch (PlatformException ex) {
            if (ex.code() == ErrorCode.ERROR_REGISTRY_UNAVAILABLE && cached != null && age(cached) < staleNanos) {
                log.warn(
                        "Registry {} is unavailable: serving the tags of {} read {} s ago",
                        source.registry(),
                        source.image(),
                        age(cached) / 1_000_000_000L);
                return cached.tags();
            }
            throw ex;
        }
    }

    /** One registry call per key at a time: the first caller reads, the others wait for its answer. */
    private List<String> load(CacheKey key, Source source) {
        CompletableFuture<List<String>> flight = new CompletableFuture<>();
        CompletableFuture<List<String>> running = inFlight.putIfAbsent(key, flight);
        if (running != null) {
            return join(running);
        }
        try {
            // a flight that ended between our cache read and our putIfAbsent has already stored its answer
            CachedTags fresh = cache.getIfPresent(key);
            List<String> tags;
            if (fresh != null && age(fresh) < ttlNanos) {
                tags = fresh.tags();
            } else {
                log.debug("Reading the tags of {} from {} ({})", source.image(), source.registry(), source.api());
                tags = Versions.sortNewestFirst(
                        source.connector().tags(source.image(), source.registry(), source.credentials()));
                if (tags.isEmpty()) {
                    cache.invalidate(key);
                } else {
                    cache.put(key, new CachedTags(tags, ticker.read()));
                }
            }
            flight.complete(tags);
            return tags;
        } catch (RuntimeException | Error ex) {
            flight.completeExceptionally(ex);
            throw ex;
        } finally {
            inFlight.remove(key, flight);
        }
    }

    private static List<String> join(CompletableFuture<List<String>> flight) {
        try {
            return flight.join();
        } catch (CompletionException ex) {
            if (ex.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw ex;
        }
    }

    private Source source(RegistryType type, String registryUrl, String image, RegistryCredentials credentials) {
        RegistryType registryType = type == null ? RegistryType.DOCKER_HUB : type;
        String url = registryUrl == null || registryUrl.isBlank() ? registryType.defaultUrl() : registryUrl;
        String registry = RegistryEndpoint.authority(url);
        boolean dockerHubImage = registryType == RegistryType.DOCKER_HUB;
        String name = dockerHubImage ? ImageNames.dockerHub(image) : ImageNames.checked(image);
        Mirror mirror = mirrors.get(registry);
        if (mirror != null) {
            // a mirror is another registry: the original registry's credentials are not sent to it
            return new Source(
                    oci, "oci", mirror.authority(), name, new RegistryCredentials(null, null, null, mirror.insecure()));
        }
        RegistryCredentials given = credentials == null ? RegistryCredentials.anonymous() : credentials;
        return dockerHubImage
                ? new Source(dockerHub, "docker-hub", registry, name, given)
                : new Source(oci, "oci", registry, name, given);
    }

    private long age(CachedTags cached) {
        return ticker.read() - cached.readAt();
    }

    private String fingerprint(RegistryCredentials credentials) {
        if (credentials.isAnonymous()) {
            return credentials.insecure() ? "anonymous-insecure" : "anonymous";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(fingerprintKey);
            String material = String.join(
                    "\u0000",
                    String.valueOf(credentials.username()),
                    String.valueOf(credentials.password()),
                    String.valueOf(credentials.token()),
                    String.valueOf(credentials.insecure()));
            return HexFormat.of().formatHex(mac.doFinal(material.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

    private static Map<String, Mirror> mirrors(Map<String, String> configured) {
        Map<String, Mirror> mirrors = new HashMap<>();
        configured.forEach((registry, mirror) -> {
            try {
                boolean insecure = mirror.toLowerCase(Locale.ROOT).startsWith("http://");
                mirrors.put(
                        RegistryEndpoint.authority(registry), new Mirror(RegistryEndpoint.authority(mirror), insecure));
            } catch (PlatformException ex) {
                throw new IllegalArgumentException(
                        "platform.registry.mirror: " + registry + "=" + mirror
                                + " must map a host[:port] to a host[:port]",
                        ex);
            }
        });
        return Map.copyOf(mirrors);
    }

    private record Source(
            RegistryConnector connector, String api, String registry, String image, RegistryCredentials credentials) {}

    private record CacheKey(String api, String registry, String image, String credentials) {}

    private record CachedTags(List<String> tags, long readAt) {}

    private record Mirror(String authority, boolean insecure) {}
}
