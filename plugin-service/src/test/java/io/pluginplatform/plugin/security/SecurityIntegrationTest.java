package io.pluginplatform.plugin.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.testsupport.Api.Response;
import io.pluginplatform.common.testsupport.Call;
import io.pluginplatform.common.testsupport.Route;
import io.pluginplatform.common.testsupport.Tokens;
import io.pluginplatform.plugin.testsupport.IntegrationTest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the security suites share: the application's routes, requests with any credentials, supervisors published by
 * their agent and registered by their administrator, installations written straight to the database (the broker,
 * which needs repository-service, normally places them), a snapshot of everything stored (to prove that a refused
 * call wrote nothing), and the problem-detail assertion. The disconnect job is pushed out of the way (its first run
 * is an hour away) so that it never changes a stored supervisor between two snapshots.
 */
@TestPropertySource(properties = "platform.supervisor.disconnect-job-period=1h")
abstract class SecurityIntegrationTest extends IntegrationTest {

    static final String SUPERVISORS = "supervisors";
    static final String INSTALLED_PLUGINS = "installed_plugins";
    static final String V1 = "/plugin/v1";
    static final String VERSION = "1.0.0";

    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    ApplicationContext context;

    @Autowired
    MongoTemplate mongo;

    /** A supervisor and its ACTIVE installation of {@code pluginId} in {@code domain}. */
    record Target(String domain, String hostname, String supervisorId, String pluginId) {

        String agent() {
            return Tokens.supervisor(domain, hostname);
        }
    }

    /** The application's routes, from its handler mappings, without the public ones. */
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

    static String newHostname() {
        return "host-" + hex(6);
    }

    static String newId(String prefix) {
        return prefix + "-" + hex(4);
    }

    static String secretOf(String hostname) {
        return "secret-of-" + hostname;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** What an agent sends on its heartbeat. */
    static String publishBody(String hostname, String secretKey) {
        return """
                {"name": "agent %1$s", "hostname": "%1$s", "secret_key": "%2$s", "plugin_info": [],
                 "tags": {"team": "platform"},
                 "agent": {"version": "1.0.0", "runtime": "docker", "capacity": 20, "labels": {"region": "eu"},
                           "advertise_address": "10.0.0.7", "plugin_count": 0}}
                """.formatted(hostname, secretKey);
    }

    /** Publishes a new supervisor as its agent (so it is PENDING) and answers its id. */
    String published(String domain, String hostname) {
        Response response = api.post(
                V1 + "/supervisor/publish",
                Tokens.supervisor(domain, hostname),
                publishBody(hostname, secretOf(hostname)));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("supervisor_id").asString();
    }

    /** Publishes and registers a supervisor (ENABLED) with a label carrying its hostname, and answers its id. */
    String registered(String domain, String hostname) {
        String id = published(domain, hostname);
        Response response =
                api.post(V1 + "/supervisor/register", Tokens.admin(domain), """
                {"supervisor_id": "%s", "name": "Guarded %s", "labels": {"owner": "%s"}, "priority": 60}
                """.formatted(id, hostname, hostname));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return id;
    }

    /** A registered supervisor in {@code domain} with an ACTIVE installation of a managed plugin. */
    Target target(String domain) {
        String hostname = newHostname();
        String supervisorId = registered(domain, hostname);
        String pluginId = "plugin-" + hostname;
        install(domain, supervisorId, pluginId, "ACTIVE", "10.0.0.7:50051");
        return new Target(domain, hostname, supervisorId, pluginId);
    }

    /** An installation written straight to the database, as the broker would place it. */
    void install(String domain, String supervisorId, String pluginId, String state, String endpoint) {
        Document installation = new Document("supervisor_id", supervisorId)
                .append("domain_id", domain)
                .append("plugin_key", "managed/" + pluginId)
                .append("plugin_id", pluginId)
                .append("version", VERSION)
                .append("state", state)
                .append("endpoints", endpoint == null ? List.of() : List.of(endpoint))
                .append("endpoint", endpoint)
                .append("generation", 0L)
                .append("failure_count", 0)
                .append("image", "127.0.0.1:5000/examples/" + pluginId + ":" + VERSION)
                .append("capability", new Document("port", 50051))
                .append("created_at", Date.from(Instant.now()))
                .append("updated_at", Date.from(Instant.now()));
        mongo.insert(installation, INSTALLED_PLUGINS);
    }

    /**
     * A request this route would carry out on the target if nothing refused it, so that a missing check would show as
     * a write; {@code {}} for a route added since.
     */
    static String sampleBody(Route route, Target target) {
        String sid = quoted(target.supervisorId());
        String pid = quoted(target.pluginId());
        return switch (route.key()) {
            case "POST /plugin/v1/plugin/{plugin_id}/get-endpoint" -> "{\"version\": \"" + VERSION + "\"}";
            case "POST /plugin/v1/plugin/get-endpoint", "POST /plugin/v1/plugin/get-plugin-endpoint" ->
                "{\"plugin_id\": " + pid + ", \"version\": \"" + VERSION + "\"}";
            case "PUT /plugin/v1/plugin/{plugin_id}/notify-failure" ->
                "{\"supervisor_id\": " + sid + ", \"version\": \"" + VERSION + "\", \"message\": \"down\"}";
            case "POST /plugin/v1/plugin/notify-failure" ->
                "{\"supervisor_id\": " + sid + ", \"plugin_id\": " + pid + ", \"version\": \"" + VERSION
                        + "\", \"message\": \"down\"}";
            case "POST /plugin/v1/supervisors", "POST /plugin/v1/supervisor/publish" ->
                publishBody(target.hostname(), secretOf(target.hostname()));
            case "POST /plugin/v1/supervisor/{supervisor_id}/register", "PUT /plugin/v1/supervisor/{supervisor_id}" ->
                "{\"name\": \"Changed\", \"priority\": 99}";
            case "POST /plugin/v1/supervisor/register", "POST /plugin/v1/supervisor/update" ->
                "{\"supervisor_id\": " + sid + ", \"name\": \"Changed\", \"priority\": 99}";
            case "POST /plugin/v1/supervisor/deregister" -> "{\"supervisor_id\": " + sid + ", \"force\": true}";
            case "POST /plugin/v1/supervisor/enable",
                    "POST /plugin/v1/supervisor/disable",
                    "POST /plugin/v1/supervisor/get",
                    "POST /plugin/v1/supervisor/list-plugins" -> "{\"supervisor_id\": " + sid + "}";
            case "POST /plugin/v1/supervisor/{supervisor_id}/plugin/{plugin_id}/recover" ->
                "{\"version\": \"" + VERSION + "\"}";
            case "POST /plugin/v1/supervisor/recover-plugin" ->
                "{\"supervisor_id\": " + sid + ", \"plugin_id\": " + pid + ", \"version\": \"" + VERSION + "\"}";
            case "POST /plugin/v1/supervisors/stat", "POST /plugin/v1/supervisor/stat" ->
                "{\"query\": {\"distinct\": \"supervisor_id\"}}";
            default -> route.takesBody() ? "{}" : null;
        };
    }

    /** The path of {@code route} for the target; deregister in resource style forces. */
    static String samplePath(Route route, Target target) {
        String path = route.path(Map.of("supervisor_id", target.supervisorId(), "plugin_id", target.pluginId()));
        return route.key().equals("DELETE /plugin/v1/supervisor/{supervisor_id}/register")
                ? path + "?force=true"
                : path;
    }

    /** {@code path} with one more query parameter. */
    static String withParameter(String path, String name, String value) {
        return path + (path.contains("?") ? "&" : "?") + name + "=" + value;
    }

    /** {@code json} (an object) with one more property. */
    static String withProperty(String json, String name, Object value) {
        ObjectNode object = (ObjectNode) JSON.readTree(json);
        object.set(name, JSON.valueToTree(value));
        return JSON.writeValueAsString(object);
    }

    static String quoted(String text) {
        return JSON.writeValueAsString(text);
    }

    /** Every stored document of every collection (each as canonical JSON, sorted), by collection. */
    Map<String, List<String>> storedState() {
        Map<String, List<String>> state = new LinkedHashMap<>();
        for (String collection : mongo.getCollectionNames().stream().sorted().toList()) {
            List<String> documents = new ArrayList<>();
            for (Document document : mongo.getCollection(collection).find()) {
                documents.add(document.toJson());
            }
            documents.sort(String::compareTo);
            state.put(collection, documents);
        }
        return state;
    }

    /** The stored supervisor, as canonical JSON. */
    String storedSupervisor(String supervisorId) {
        Document supervisor = mongo.getCollection(SUPERVISORS)
                .find(new Document("supervisor_id", supervisorId))
                .first();
        assertThat(supervisor).as("supervisor " + supervisorId + " is stored").isNotNull();
        return supervisor.toJson();
    }

    /** A problem detail with this status and code. */
    static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.code()).as(response.toString()).isEqualTo(code);
    }

    static List<String> field(Response response, String name) {
        List<String> values = new ArrayList<>();
        response.json()
                .path("results")
                .forEach(result -> values.add(result.path(name).asString()));
        return values;
    }
}
