package io.pluginplatform.repository.registry;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads tags through Docker Hub's repository API ({@code GET /v2/repositories/<namespace>/<name>/tags?page_size=100},
 * following {@code next} until it is null); single-segment images are official images, {@code library/<name>}.
 * A configured token is sent as a bearer token; a user name and password are first exchanged for one at
 * {@code POST /v2/users/login}.
 */
class DockerHubConnector implements RegistryConnector {

    static final int PAGE_SIZE = 100;

    private static final Logger log = LoggerFactory.getLogger(DockerHubConnector.class);
    private static final int MAX_PAGES = 1000;

    private final RegistryHttp http;

    DockerHubConnector(RegistryHttp http) {
        this.http = http;
    }

    @Override
    public List<String> tags(String image, String registryUrl, RegistryCredentials credentials) {
        RegistryCredentials auth = credentials == null ? RegistryCredentials.anonymous() : credentials;
        String repository = ImageNames.dockerHub(image);
        RegistryEndpoint endpoint = RegistryEndpoint.of(registryUrl, auth.insecure());
        String authorization = null;
        if (auth.hasToken()) {
            authorization = "Bearer " + auth.token();
        } else if (auth.hasUsernameAndPassword()) {
            String token = login(endpoint, auth);
            if (token == null) {
                return denied(endpoint, repository);
            }
            authorization = "Bearer " + token;
        }
        URI page = endpoint.resolve("/v2/repositories/" + repository + "/tags?page_size=" + PAGE_SIZE);
        Set<String> tags = new LinkedHashSet<>();
        int pages = 0;
        while (page != null) {
            RegistryResponse response = http.get(page, authorization, endpoint.url());
            if (response.status() == 404 && pages == 0) {
                log.debug("Docker Hub {} does not know image {}", endpoint.url(), repository);
                return List.of();
            }
            if (response.status() == 401 || response.status() == 403) {
                return denied(endpoint, repository);
            }
            if (!response.isOk()) {
                log.warn("Docker Hub {} answered {} to the tags of {}", endpoint.url(), response.status(), repository);
                throw RegistryHttp.unavailable(endpoint.url());
            }
            JsonNode body = OciConnector.json(response, endpoint);
            for (JsonNode result : body.path("results")) {
                if (result.path("name").isString()) {
                    tags.add(result.path("name").stringValue());
                }
            }
            if (++pages >= MAX_PAGES) {
                log.warn(
                        "Docker Hub {} lists more than {} pages of tags for {}", endpoint.url(), MAX_PAGES, repository);
                throw RegistryHttp.unavailable(endpoint.url());
            }
            page = next(body, endpoint);
        }
        return List.copyOf(tags);
    }

    private String login(RegistryEndpoint endpoint, RegistryCredentials credentials) {
        String body = JsonMapper.shared()
                .writeValueAsString(Map.of("username", credentials.username(), "password", credentials.password()));
        RegistryResponse response = http.postJson(endpoint.resolve("/v2/users/login"), body, endpoint.url());
        if (response.status() == 401 || response.status() == 403) {
            log.warn("Docker Hub {} refused the configured credentials", endpoint.url());
            return null;
        }
        if (!response.isOk()) {
            log.warn("Docker Hub {} answered {} to the login", endpoint.url(), response.status());
            throw RegistryHttp.unavailable(endpoint.url());
        }
        String token = OciConnector.json(response, endpoint).path("token").stringValue(null);
        if (token == null || token.isBlank()) {
            log.warn("Docker Hub {} answered the login without a token", endpoint.url());
            throw RegistryHttp.unavailable(endpoint.url());
        }
        return token;
    }

    private static URI next(JsonNode body, RegistryEndpoint endpoint) {
        JsonNode next = body.path("next");
        if (!next.isString() || next.stringValue().isBlank()) {
            return null;
        }
        try {
            return endpoint.follow(next.stringValue());
        } catch (IllegalArgumentException ex) {
            log.warn("Docker Hub {} sent an unusable next page link", endpoint.url());
            throw RegistryHttp.unavailable(endpoint.url());
        }
    }

    private static List<String> denied(RegistryEndpoint endpoint, String repository) {
        log.info("Docker Hub {} does not let us read image {}: it has no visible tags", endpoint.url(), repository);
        return List.of();
    }
}
