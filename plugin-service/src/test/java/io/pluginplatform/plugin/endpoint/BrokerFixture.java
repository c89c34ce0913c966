package io.pluginplatform.plugin.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.testsupport.Api;
import io.pluginplatform.common.testsupport.LocalRegistry;
import io.pluginplatform.common.testsupport.Tokens;
import io.pluginplatform.plugin.endpoint.RepositoryPlugins.Plugin;
import io.pluginplatform.plugin.installation.InstalledPlugins;
import io.pluginplatform.plugin.testsupport.RepositoryServiceProcess;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every broker test shares, whatever database it runs on: the real repository-service and local registry (the
 * tests are skipped without them), a fresh random domain per test with its {@link RepositoryPlugins}, the
 * {@link SimulatedAgent}s a test starts (stopped after it), and the calls and reads the tests make.
 */
abstract class BrokerFixture {

    static final String PROBLEM_JSON = "application/problem+json";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Api api;
    String domain;
    RepositoryPlugins plugins;
    private final List<SimulatedAgent> agents = new ArrayList<>();

    /** The settings of the broker under test: short waits, so that the suite stays quick. */
    static void brokerProperties(DynamicPropertyRegistry registry) {
        registry.add("platform.security.jwt-secret", () -> Tokens.SECRET);
        registry.add("platform.repository.url", RepositoryServiceProcess::url);
        registry.add("platform.endpoint.poll-interval", () -> "200ms");
        registry.add("platform.endpoint.default-timeout", () -> "15s");
        registry.add("platform.supervisor.disconnect-after", () -> "3s");
    }

    @BeforeAll
    static void requireRegistryAndRepositoryService() {
        LocalRegistry.assumeAvailable();
        RepositoryServiceProcess.url();
    }

    @BeforeEach
    void newDomain() {
        api = new Api(port);
        domain = newDomainId();
        plugins = new RepositoryPlugins(domain);
    }

    @AfterEach
    void stopAgents() {
        agents.forEach(SimulatedAgent::stop);
        agents.clear();
    }

    static String newDomainId() {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return "domain-" + HexFormat.of().formatHex(random);
    }

    /** An agent of the test's domain, registered with the given fields, reporting what it provisions ACTIVE. */
    SimulatedAgent agent(Object... registerFields) {
        return agentIn(domain, null, registerFields);
    }

    SimulatedAgent agentIn(String agentDomain, Integer capacity, Object... registerFields) {
        SimulatedAgent agent = SimulatedAgent.start(api, agentDomain, capacity, registerFields);
        agents.add(agent);
        return agent;
    }

    /** {@code POST /plugin/v1/plugin/{plugin_id}/get-endpoint} as a member of the test's domain. */
    Api.Response endpoint(Plugin plugin, Object... fields) {
        return endpoint(api, plugin, fields);
    }

    Api.Response endpoint(Api client, Plugin plugin, Object... fields) {
        return client.post("/plugin/v1/plugin/" + plugin.id() + "/get-endpoint", Tokens.member(domain), json(fields));
    }

    /** The endpoint answer, which must be a 200. */
    JsonNode served(Plugin plugin, Object... fields) {
        Api.Response response = endpoint(plugin, fields);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** {@code PUT /plugin/v1/plugin/{plugin_id}/notify-failure} as a member of the test's domain. */
    Api.Response notifyFailure(Plugin plugin, String supervisorId, String version) {
        return api.put(
                "/plugin/v1/plugin/" + plugin.id() + "/notify-failure",
                Tokens.member(domain),
                json("supervisor_id", supervisorId, "version", version, "message", "connection refused"));
    }

    /** How many installations of the plugin exist, on any supervisor, in any state. */
    long installations(Plugin plugin) {
        return mongo.count(new Query(Criteria.where("plugin_id").is(plugin.id())), InstalledPlugins.COLLECTION);
    }

    /** The stored installation of the plugin version on the supervisor. */
    Document installation(Plugin plugin, String version, SimulatedAgent agent) {
        Document installation = mongo.findOne(
                new Query(Criteria.where("plugin_id")
                        .is(plugin.id())
                        .and("version")
                        .is(version)
                        .and("supervisor_id")
                        .is(agent.supervisorId())),
                Document.class,
                InstalledPlugins.COLLECTION);
        assertThat(installation)
                .as("installation of %s %s", plugin.id(), version)
                .isNotNull();
        return installation;
    }

    static long generation(Document installation) {
        Object generation = installation.get("generation");
        return generation == null ? 0 : ((Number) generation).longValue();
    }

    static String json(Object... keysAndValues) {
        return JSON.writeValueAsString(SimulatedAgent.object(keysAndValues));
    }

    static String json(Map<String, Object> object) {
        return JSON.writeValueAsString(object);
    }

    /** Asserts a problem detail with the given status and code. */
    static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith(PROBLEM_JSON);
        assertThat(response.code()).as(response.toString()).isEqualTo(code);
    }
}
