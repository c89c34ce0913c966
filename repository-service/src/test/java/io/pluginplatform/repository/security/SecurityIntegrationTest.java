package io.pluginplatform.repository.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.testsupport.Api.Response;
import io.pluginplatform.common.testsupport.Call;
import io.pluginplatform.common.testsupport.LocalRegistry;
import io.pluginplatform.common.testsupport.Route;
import io.pluginplatform.common.testsupport.Tokens;
import io.pluginplatform.repository.plugin.PluginDocument;
import io.pluginplatform.repository.testsupport.IntegrationTest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the security suites share: the application's routes, requests with any credentials, plugins registered
 * against the local registry, a snapshot of everything stored (to prove that a refused call wrote nothing), and the
 * problem-detail assertion.
 */
abstract class SecurityIntegrationTest extends IntegrationTest {

    static final String PLUGINS = PluginDocument.COLLECTION;
    /** {@code RepositoryDocument.COLLECTION}, which its package keeps to itself. */
    static final String REPOSITORIES = "repositories";

    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static String image;

    @Autowired
    ApplicationContext context;

    @Autowired
    MongoTemplate mongo;

    /** The application's routes, from its handler mappings. */
    List<Route> routes() {
        return ApplicationRoutes.of(context);
    }

    Call call(String method, String path) {
        return Call.to(api, method, path);
    }

    Response send(String method, String path, String token, String body) {
        return call(method, path).bearer(token).json(body).send();
    }

    static String newDomain() {
        return "domain-" + hex(6);
    }

    static String newId(String prefix) {
        return prefix + "-" + hex(4);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** An image with tags in the local registry, pushed once per run; skips the test without a registry. */
    static synchronized String image() {
        if (image == null) {
            LocalRegistry.assumeAvailable();
            String pushed = LocalRegistry.uniqueRepository("security/plugin-guarded");
            LocalRegistry.pushImage(pushed, "1.0.0", "1.1.0");
            image = pushed;
        }
        return image;
    }

    /** A valid register request whose name, provider, label and tag all carry {@code pluginId}. */
    static String registerBody(String pluginId) {
        return """
                {"name": "Guarded %1$s", "service_type": "notification.Protocol", "image": "%2$s",
                 "plugin_id": "%1$s", "registry_type": "OCI", "registry_url": "%3$s", "provider": "guard-%1$s",
                 "labels": ["label-%1$s"], "tags": {"owner": "%1$s"}}
                """.formatted(pluginId, image(), LocalRegistry.address());
    }

    /** Registers a local plugin in {@code domain} as that domain's admin. */
    void registerPlugin(String domain, String pluginId) {
        Response response = api.post("/repository/v1/plugins", Tokens.admin(domain), registerBody(pluginId));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** Registers a remote repository as SYSTEM; its endpoint answers nothing, so deregister it after the test. */
    String registerRemoteRepository() {
        Response response = api.post("/repository/v1/repositories", Tokens.system(), """
                {"name": "%s", "endpoint": "http://127.0.0.1:9", "token": "remote-token"}
                """.formatted(newId("remote")));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("repository_id").asString();
    }

    void deregisterRemoteRepository(String repositoryId) {
        Response response = api.delete("/repository/v1/repository/" + repositoryId, Tokens.system());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /**
     * A request this route would carry out on {@code pluginId} or {@code repositoryId} if nothing refused it, so that
     * a missing check would show as a write; {@code {}} for a route added since.
     */
    static String sampleBody(Route route, String pluginId, String repositoryId) {
        return switch (route.key()) {
            case "POST /repository/v1/plugins", "POST /repository/v1/plugin/register" -> registerBody(newId("never"));
            case "PUT /repository/v1/plugin/{plugin_id}", "PUT /repository/v1/repository/{repository_id}" ->
                "{\"name\": \"Changed\"}";
            case "POST /repository/v1/plugin/update" -> "{\"plugin_id\": \"" + pluginId + "\", \"name\": \"Changed\"}";
            case "POST /repository/v1/plugin/deregister",
                    "POST /repository/v1/plugin/enable",
                    "POST /repository/v1/plugin/disable",
                    "POST /repository/v1/plugin/get",
                    "POST /repository/v1/plugin/get-versions" -> "{\"plugin_id\": \"" + pluginId + "\"}";
            case "POST /repository/v1/plugins/stat", "POST /repository/v1/plugin/stat" ->
                "{\"repository_id\": \"repo-local\", \"query\": {\"distinct\": \"plugin_id\"}}";
            case "POST /repository/v1/repositories", "POST /repository/v1/repository/register" ->
                "{\"name\": \"" + newId("never") + "\", \"endpoint\": \"http://127.0.0.1:9\", \"token\": \"t\"}";
            case "POST /repository/v1/repository/update" ->
                "{\"repository_id\": \"" + repositoryId + "\", \"name\": \"Changed\"}";
            case "POST /repository/v1/repository/deregister", "POST /repository/v1/repository/get" ->
                "{\"repository_id\": \"" + repositoryId + "\"}";
            default -> route.takesBody() ? "{}" : null;
        };
    }

    /** The path of {@code route} for this plugin and repository. */
    static String samplePath(Route route, String pluginId, String repositoryId) {
        return route.path(Map.of("plugin_id", pluginId, "repository_id", repositoryId));
    }

    /** {@code json} (an object) with one more property. */
    static String withProperty(String json, String name, String value) {
        ObjectNode object = (ObjectNode) JSON.readTree(json);
        object.put(name, value);
        return JSON.writeValueAsString(object);
    }

    /** Every stored plugin and repository, in id order. */
    Map<String, List<Document>> storedState() {
        Map<String, List<Document>> state = new LinkedHashMap<>();
        for (String collection : List.of(PLUGINS, REPOSITORIES)) {
            state.put(collection, mongo.find(new Query().with(Sort.by("_id")), Document.class, collection));
        }
        return state;
    }

    /** A problem detail with this status and code. */
    static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.code()).as(response.toString()).isEqualTo(code);
    }

    static List<String> pluginIds(Response response) {
        List<String> ids = new ArrayList<>();
        response.json()
                .path("results")
                .forEach(plugin -> ids.add(plugin.path("plugin_id").asString()));
        return ids;
    }
}
