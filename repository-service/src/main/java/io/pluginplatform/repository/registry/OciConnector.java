package io.pluginplatform.repository.registry;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads tags through the OCI distribution API ({@code GET /v2/<name>/tags/list?n=100}, following the {@code Link}
 * header): OCI registries, Harbor, GitHub and Amazon ECR Public, and every mirror.
 *
 * <p>On a {@code 401} it answers the registry's challenge once: for {@code Bearer}, the configured token as it is, or a
 * token obtained from the challenge's realm (with the user name and password when there are some, anonymously
 * otherwise); for {@code Basic}, the user name and password. An image the registry does not know ({@code 404}) or does
 * not let us read (still {@code 401}/{@code 403}) has no tags.
 */
class OciConnector implements RegistryConnector {

    static final int PAGE_SIZE = 100;

    private static final Logger log = LoggerFactory.getLogger(OciConnector.class);
    private static final int MAX_PAGES = 1000;
    private static final Pattern LINK = Pattern.compile("<([^>]*)>([^<]*)");
    private static final Pattern REL_NEXT = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*)\"?");

    private final RegistryHttp http;

    OciConnector(RegistryHttp http) {
        this.http = http;
    }

    @Override
    public List<String> tags(String image, String registryUrl, RegistryCredentials credentials) {
        RegistryCredentials auth = credentials == null ? RegistryCredentials.anonymous() : credentials;
        String name = ImageNames.checked(image);
        RegistryEndpoint endpoint = RegistryEndpoint.of(registryUrl, auth.insecure());
        URI page = endpoint.resolve("/v2/" + name + "/tags/list?n=" + PAGE_SIZE);
        String authorization = null;
        boolean justAuthorized = false;
        Set<String> tags = new LinkedHashSet<>();
        int pages = 0;
        while (page != null) {
            RegistryResponse response = http.get(page, authorization, endpoint.url());
            int status = response.status();
            if (status == 401 && !justAuthorized) {
                authorization = authorize(response, name, auth, endpoint);
                if (authorization == null) {
                    return denied(endpoint, name);
                }
                justAuthorized = true;
                continue;
            }
            justAuthorized = false;
            if (status == 401 || status == 403) {
                return denied(endpoint, name);
            }
            if (status == 404 && pages == 0) {
                log.debug("Registry {} does not know image {}", endpoint.url(), name);
                return List.of();
            }
            if (!response.isOk()) {
                log.warn("Registry {} answered {} to the tags of {}", endpoint.url(), status, name);
                throw RegistryHttp.unavailable(endpoint.url());
            }
            tags.addAll(readTags(response, endpoint));
            if (++pages >= MAX_PAGES) {
                log.warn("Registry {} lists more than {} pages of tags for {}", endpoint.url(), MAX_PAGES, name);
                throw RegistryHttp.unavailable(endpoint.url());
            }
            page = nextPage(response, endpoint);
        }
        return List.copyOf(tags);
    }

    private String authorize(
            RegistryResponse response, String name, RegistryCredentials credentials, RegistryEndpoint endpoint) {
        AuthChallenge challenge = AuthChallenge.select(response.headers(HttpHeaders.WWW_AUTHENTICATE));
        if (challenge == null) {
            return null;
        }
        if (challenge.isBasic()) {
            return credentials.hasUsernameAndPassword() ? basic(credentials) : null;
        }
        if (credentials.hasToken()) {
            return "Bearer " + credentials.token();
        }
        String token = fetchToken(challenge, name, credentials, endpoint);
        return token == null ? null : "Bearer " + token;
    }

    private String fetchToken(
            AuthChallenge challenge, String name, RegistryCredentials credentials, RegistryEndpoint endpoint) {
        String realm = challenge.parameter("realm");
        URI realmUri;
        try {
            realmUri = realm == null ? null : URI.create(realm);
        } catch (IllegalArgumentException ex) {
            realmUri = null;
        }
        if (realmUri == null || !endpoint.allows(realmUri)) {
            log.warn("Registry {} names no usable token realm in its challenge", endpoint.url());
            throw RegistryHttp.unavailable(endpoint.url());
        }
        String scope =
                challenge.parameter("scope") != null ? challenge.parameter("scope") : "repository:" + name + ":pull";
        StringBuilder query = new StringBuilder();
        if (challenge.parameter("service") != null) {
            query.append("service=")
                    .append(encode(challenge.parameter("service")))
                    .append('&');
        }
        query.append("scope=").append(encode(scope));
        URI tokenUri = URI.create(realm + (realmUri.getRawQuery() == null ? "?" : "&") + query);
        RegistryResponse response =
                http.get(tokenUri, credentials.hasUsernameAndPassword() ? basic(credentials) : null, endpoint.url());
        if (response.status() == 401 || response.status() == 403) {
            log.warn(
                    "Token service of registry {} refused {} access to {}",
                    endpoint.url(),
                    credentials.isAnonymous() ? "anonymous" : "the configured credentials'",
                    name);
            return null;
        }
        if (!response.isOk()) {
            log.warn("Token service of registry {} answered {}", endpoint.url(), response.status());
            throw RegistryHttp.unavailable(endpoint.url());
        }
        JsonNode body = json(response, endpoint);
        String token = body.path("token").isString()
                ? body.path("token").stringValue()
                : body.path("access_token").stringValue(null);
        if (token == null || token.isBlank()) {
            log.warn("Token service of registry {} answered without a token", endpoint.url());
            throw RegistryHttp.unavailable(endpoint.url());
        }
        return token;
    }

    private static List<String> readTags(RegistryResponse response, RegistryEndpoint endpoint) {
        JsonNode tags = json(response, endpoint).path("tags");
        List<String> result = new ArrayList<>();
        // a repository whose tags were all deleted lists "tags": null
        for (JsonNode tag : tags) {
            if (tag.isString()) {
                result.add(tag.stringValue());
            }
        }
        return result;
    }

    private static URI nextPage(RegistryResponse response, RegistryEndpoint endpoint) {
        for (String header : response.headers(HttpHeaders.LINK)) {
            Matcher link = LINK.matcher(header);
            while (link.find()) {
                Matcher rel = REL_NEXT.matcher(link.group(2));
                if (rel.find() && List.of(rel.group(1).trim().split("\\s+")).contains("next")) {
                    try {
                        return endpoint.follow(link.group(1));
                    } catch (IllegalArgumentException ex) {
                        log.warn("Registry {} sent an unusable Link header", endpoint.url());
                        throw RegistryHttp.unavailable(endpoint.url());
                    }
                }
            }
        }
        return null;
    }

    static JsonNode json(RegistryResponse response, RegistryEndpoint endpoint) {
        try {
            return JsonMapper.shared().readTree(response.body());
        } catch (JacksonException ex) {
            log.warn("Registry {} answered with malformed JSON", endpoint.url());
            throw RegistryHttp.unavailable(endpoint.url());
        }
    }

    private static List<String> denied(RegistryEndpoint endpoint, String name) {
        log.info("Registry {} does not let us read image {}: it has no visible tags", endpoint.url(), name);
        return List.of();
    }

    private static String basic(RegistryCredentials credentials) {
        String pair = credentials.username() + ":" + credentials.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
