package io.pluginplatform.plugin.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.testsupport.Api;
import io.pluginplatform.common.testsupport.Api.Response;
import io.pluginplatform.common.testsupport.Tokens;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The supervisor calls the tests share, within one random domain: an agent publishing (with a SUPERVISOR token for its
 * hostname and a secret key derived from it), an administrator registering, and reads.
 */
final class SupervisorCalls {

    static final String ID = "supervisor-[0-9a-f]{12}";
    static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
    static final String PROBLEM_JSON = "application/problem+json";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Api api;
    private final String domain;
    private final String admin;

    SupervisorCalls(Api api) {
        this(api, newDomain());
    }

    SupervisorCalls(Api api, String domain) {
        this.api = api;
        this.domain = domain;
        this.admin = Tokens.admin(domain);
    }

    String domain() {
        return domain;
    }

    String admin() {
        return admin;
    }

    String member() {
        return Tokens.member(domain);
    }

    String agent(String hostname) {
        return Tokens.supervisor(domain, hostname);
    }

    static String newDomain() {
        return "domain-" + hex(6);
    }

    static String newHostname() {
        return "host-" + hex(6);
    }

    /** The secret key the agent of {@code hostname} publishes with unless a test says otherwise. */
    static String secretOf(String hostname) {
        return "secret-of-" + hostname;
    }

    /** A JSON object from alternating keys and values, in that order; values may be maps, lists, numbers. */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    static String json(Object... keysAndValues) {
        return json(object(keysAndValues));
    }

    static String json(Map<String, Object> object) {
        return JSON.writeValueAsString(object);
    }

    /** What an agent sends on its heartbeat: name, hostname, secret key, no plugins, tags and its self-description. */
    static Map<String, Object> publishBody(String hostname, String secretKey) {
        return object(
                "name",
                "agent " + hostname,
                "hostname",
                hostname,
                "secret_key",
                secretKey,
                "plugin_info",
                List.of(),
                "tags",
                object("team", "platform"),
                "agent",
                agentBody("1.0.0"));
    }

    static Map<String, Object> agentBody(String version) {
        return object(
                "version",
                version,
                "runtime",
                "docker",
                "capacity",
                20,
                "labels",
                object("region", "eu-west"),
                "advertise_address",
                "10.0.0.7",
                "plugin_count",
                0);
    }

    Response publish(String hostname) {
        return publish(hostname, publishBody(hostname, secretOf(hostname)));
    }

    Response publish(String hostname, Map<String, Object> body) {
        return api.post("/plugin/v1/supervisor/publish", agent(hostname), json(body));
    }

    /** Publishes a new supervisor for {@code hostname} and answers its id. */
    String created(String hostname) {
        Response response = publish(hostname);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("supervisor_id").asString();
    }

    /** Publishes a new supervisor for {@code hostname}, registers it (so it is ENABLED) and answers its id. */
    String registered(String hostname) {
        String id = created(hostname);
        Response response = register(id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return id;
    }

    Response register(String id, Object... fields) {
        return verb("register", admin, id, fields);
    }

    Response update(String id, Object... fields) {
        return verb("update", admin, id, fields);
    }

    /** {@code POST /plugin/v1/supervisor/<verb>} with {@code supervisor_id} and further fields in the body. */
    Response verb(String verb, String token, String id, Object... fields) {
        Map<String, Object> body = object("supervisor_id", id);
        body.putAll(object(fields));
        return api.post("/plugin/v1/supervisor/" + verb, token, json(body));
    }

    Response get(String id) {
        return api.get("/plugin/v1/supervisor/" + id, admin);
    }

    /** The supervisor as its domain's administrator reads it. */
    JsonNode info(String id) {
        Response response = get(id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    String state(String id) {
        return info(id).path("state").asString();
    }

    static List<String> field(Response response, String name) {
        List<String> values = new ArrayList<>();
        response.json()
                .path("results")
                .forEach(result -> values.add(result.path(name).asString()));
        return values;
    }

    /** Asserts a problem detail with the given status and code. */
    static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith(PROBLEM_JSON);
        assertThat(response.code()).as(response.toString()).isEqualTo(code);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
