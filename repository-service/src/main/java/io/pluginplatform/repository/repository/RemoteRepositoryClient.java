package io.pluginplatform.repository.repository;

import io.pluginplatform.common.api.ListResponse;
import io.pluginplatform.common.api.repository.PluginInfo;
import io.pluginplatform.common.api.repository.VersionsInfo;
import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Calls other repository-services with each one's own token (never the caller's), with timeouts. A remote that does
 * not answer is {@code ERROR_REPOSITORY_UNAVAILABLE} (503), never "not found".
 */
@Component
public class RemoteRepositoryClient {

    private static final Logger log = LoggerFactory.getLogger(RemoteRepositoryClient.class);

    private final RestClient.Builder restClients;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Map<String, RemotePluginApi> clients = new ConcurrentHashMap<>();

    RemoteRepositoryClient(
            RestClient.Builder restClients,
            @Value("${platform.remote.connect-timeout:2s}") Duration connectTimeout,
            @Value("${platform.remote.read-timeout:5s}") Duration readTimeout) {
        this.restClients = restClients;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    public PluginInfo get(RemoteRepository remote, Map<String, Object> request) {
        return call(remote, api -> api.get(request), "plugin_id", request.get("plugin_id"));
    }

    public ListResponse<PluginInfo> list(RemoteRepository remote, Map<String, Object> request) {
        return call(remote, api -> api.list(request), "repository_id", remote.repositoryId());
    }

    public VersionsInfo versions(RemoteRepository remote, Map<String, Object> request) {
        return call(remote, api -> api.versions(request), "plugin_id", request.get("plugin_id"));
    }

    public Map<String, Object> stat(RemoteRepository remote, Map<String, Object> request) {
        return call(remote, api -> api.stat(request), "repository_id", remote.repositoryId());
    }

    /** Forgets the client of a repository whose endpoint or token changed. */
    void evict(String repositoryId) {
        clients.keySet().removeIf(key -> key.startsWith(repositoryId + "|"));
    }

    private <T> T call(RemoteRepository remote, Function<RemotePluginApi, T> exchange, String key, Object value) {
        try {
            return exchange.apply(client(remote));
        } catch (HttpStatusCodeException e) {
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                throw PlatformException.notFound(key, value);
            }
            if (e.getStatusCode().value() == HttpStatus.BAD_REQUEST.value()) {
                throw PlatformException.invalid("query", "rejected by repository " + remote.repositoryId());
            }
            log.warn(
                    "Remote repository {} answered {}",
                    remote.repositoryId(),
                    e.getStatusCode().value());
            throw unavailable(remote);
        } catch (RestClientException | IllegalStateException e) {
            log.warn(
                    "Remote repository {} is unavailable ({})",
                    remote.repositoryId(),
                    e.getClass().getSimpleName());
            throw unavailable(remote);
        }
    }

    private static PlatformException unavailable(RemoteRepository remote) {
        return PlatformException.of(ErrorCode.ERROR_REPOSITORY_UNAVAILABLE, "repository_id", remote.repositoryId());
    }

    private RemotePluginApi client(RemoteRepository remote) {
        String cacheKey = remote.repositoryId() + "|" + remote.info().endpoint() + "|"
                + java.util.Objects.hashCode(remote.token());
        return clients.computeIfAbsent(cacheKey, key -> create(remote));
    }

    private RemotePluginApi create(RemoteRepository remote) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(readTimeout);
        RestClient.Builder builder =
                restClients.clone().baseUrl(remote.info().endpoint()).requestFactory(requests);
        if (remote.token() != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + remote.token());
        }
        RestClient client = builder.build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client))
                .build()
                .createClient(RemotePluginApi.class);
    }
}
