package io.pluginplatform.plugin.catalogue;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.pluginplatform.common.api.repository.PluginInfo;
import io.pluginplatform.common.api.repository.VersionsInfo;
import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import io.pluginplatform.common.version.Versions;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue as a domain sees it, read from repository-service (which looks in the domain's local repository, then
 * the managed catalogue, then the remotes). Plugins and version lists are cached per (domain, plugin) for
 * {@code platform.repository.cache-ttl}; concurrent misses for one key share one call, and failures are not cached. A
 * repository-service that cannot answer is {@code ERROR_REPOSITORY_UNAVAILABLE} (503), never "not found".
 */
@Component
public class Catalogue {

    private static final Logger log = LoggerFactory.getLogger(Catalogue.class);
    private static final String SERVICE = "repository-service";
    private static final int MAX_CACHED_KEYS = 10_000;

    private final RepositoryApi api;
    private final AsyncCache<Key, Outcome<PluginInfo>> plugins;
    private final AsyncCache<Key, Outcome<Tags>> versions;

    @Autowired
    Catalogue(RepositoryProperties properties, ServiceToken token, RestClient.Builder restClients) {
        this(properties, token, restClients, Ticker.systemTicker());
    }

    Catalogue(RepositoryProperties properties, ServiceToken token, RestClient.Builder restClients, Ticker ticker) {
        this.api = client(properties, token, restClients);
        this.plugins = cache(properties, ticker);
        this.versions = cache(properties, ticker);
    }

    /** The plugin as the domain sees it; 404 when the domain sees none of that id. */
    public PluginInfo plugin(String domainId, String pluginId) {
        return cached(plugins, Key.of(domainId, pluginId), key -> call("get", key, api::get));
    }

    /** Every tag of the plugin's image, newest first, as repository-service answers them. */
    public List<String> versions(String domainId, String pluginId) {
        return tags(domainId, pluginId).newestFirst();
    }

    /**
     * The version served when none is asked for: the newest release, else the newest pre-release; a plugin whose tags
     * are no versions at all ({@code latest}, {@code stable}) has none, which is {@code ERROR_INVALID_PLUGIN_VERSION}.
     */
    public String latest(String domainId, String pluginId) {
        String latest = tags(domainId, pluginId).latest();
        if (latest == null) {
            throw PlatformException.of(
                    ErrorCode.ERROR_INVALID_PLUGIN_VERSION, "plugin_id", pluginId, "version", "latest");
        }
        return latest;
    }

    private Tags tags(String domainId, String pluginId) {
        return cached(versions, Key.of(domainId, pluginId), key -> {
            VersionsInfo answer = call("get-versions", key, api::versions);
            List<String> tags = answer.results() == null ? List.of() : List.copyOf(answer.results());
            return new Tags(tags, Versions.latest(tags).orElse(null));
        });
    }

    /**
     * Single flight without holding the cache's lock during the call: the first caller puts an unfinished future in
     * the cache and loads on its own thread; the others wait on that future. A failure is handed to the callers that
     * waited for it and removed at once, so the next call asks again. (It completes the future normally: Caffeine would
     * log the stack trace of every exceptionally completed one.)
     */
    private static <T> T cached(AsyncCache<Key, Outcome<T>> cache, Key key, Function<Key, T> loader) {
        CompletableFuture<Outcome<T>> present = cache.getIfPresent(key);
        if (present == null) {
            CompletableFuture<Outcome<T>> mine = new CompletableFuture<>();
            AtomicBoolean loads = new AtomicBoolean();
            present = cache.get(key, (ignored, executor) -> {
                loads.set(true);
                return mine;
            });
            if (loads.get()) {
                Outcome<T> outcome;
                try {
                    outcome = new Outcome<>(loader.apply(key), null);
                } catch (RuntimeException e) {
                    outcome = new Outcome<>(null, e);
                    cache.asMap().remove(key, mine);
                } catch (Error e) {
                    mine.completeExceptionally(e);
                    throw e;
                }
                mine.complete(outcome);
            }
        }
        return present.join().get();
    }

    private static <T> T call(String operation, Key key, Function<Map<String, Object>, T> exchange) {
        // a SYSTEM token names the domain in the request
        Map<String, Object> request = Map.of("plugin_id", key.pluginId(), "domain_id", key.domainId());
        T answer;
        try {
            answer = exchange.apply(request);
        } catch (HttpStatusCodeException e) {
            throw answered(operation, key, e.getStatusCode().value());
        } catch (RestClientException e) {
            // neither the message (it holds the URL) nor the upstream body is logged
            log.warn("{} did not answer plugin {} ({})", SERVICE, operation, rootCause(e));
            throw unavailable();
        }
        if (answer == null) {
            log.warn("{} answered plugin {} without a body", SERVICE, operation);
            throw unavailable();
        }
        return answer;
    }

    private static PlatformException answered(String operation, Key key, int status) {
        if (status == HttpStatus.NOT_FOUND.value()) {
            return PlatformException.notFound("plugin_id", key.pluginId());
        }
        if (status == HttpStatus.BAD_REQUEST.value()) {
            return PlatformException.invalid("plugin_id", "rejected by " + SERVICE);
        }
        if (status == HttpStatus.UNAUTHORIZED.value() || status == HttpStatus.FORBIDDEN.value()) {
            // the caller's request is fine; plugin-service's own service token is not
            log.error(
                    "{} refused plugin-service's service token ({}) on plugin {}: check platform.repository.token "
                            + "or platform.security.jwt-secret",
                    SERVICE,
                    status,
                    operation);
        } else {
            log.warn("{} answered {} to plugin {}", SERVICE, status, operation);
        }
        return unavailable();
    }

    private static PlatformException unavailable() {
        return PlatformException.of(ErrorCode.ERROR_REPOSITORY_UNAVAILABLE, "repository_id", SERVICE);
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    private static <T> AsyncCache<Key, T> cache(RepositoryProperties properties, Ticker ticker) {
        return Caffeine.newBuilder()
                .maximumSize(MAX_CACHED_KEYS)
                .expireAfterWrite(properties.cacheTtl())
                .ticker(ticker)
                .buildAsync();
    }

    private static RepositoryApi client(
            RepositoryProperties properties, ServiceToken token, RestClient.Builder restClients) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.readTimeout());
        // a tolerant reader of the wire format: a newer repository-service may answer fields this one does not know
        JsonMapper json = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        RestClient client = restClients
                .clone()
                .baseUrl(properties.url())
                .requestFactory(requests)
                .configureMessageConverters(converters ->
                        converters.registerDefaults().withJsonConverter(new JacksonJsonHttpMessageConverter(json)))
                // asked per request, because a minted token is renewed while the client lives
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().set(HttpHeaders.AUTHORIZATION, "Bearer " + token.value());
                    return execution.execute(request, body);
                })
                .build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client))
                .build()
                .createClient(RepositoryApi.class);
    }

    private record Key(String domainId, String pluginId) {

        static Key of(String domainId, String pluginId) {
            if (pluginId == null || pluginId.isBlank()) {
                throw PlatformException.required("plugin_id");
            }
            if (domainId == null || domainId.isBlank()) {
                throw PlatformException.required("domain_id");
            }
            return new Key(domainId, pluginId);
        }
    }

    /** What one call to repository-service gave: a value or the exception its callers get. */
    private record Outcome<T>(T value, RuntimeException failure) {

        T get() {
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }

    /** A version list as answered, and its latest version ({@code null} when no tag is a version). */
    private record Tags(List<String> newestFirst, String latest) {}
}
