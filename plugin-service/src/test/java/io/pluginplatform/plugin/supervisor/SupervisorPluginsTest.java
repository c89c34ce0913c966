package io.pluginplatform.plugin.supervisor;

import static io.pluginplatform.plugin.supervisor.SupervisorCalls.assertProblem;
import static io.pluginplatform.plugin.supervisor.SupervisorCalls.json;
import static io.pluginplatform.plugin.supervisor.SupervisorCalls.newHostname;
import static io.pluginplatform.plugin.supervisor.SupervisorCalls.object;
import static io.pluginplatform.plugin.supervisor.SupervisorCalls.publishBody;
import static io.pluginplatform.plugin.supervisor.SupervisorCalls.secretOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pluginplatform.common.testsupport.Api.Response;
import io.pluginplatform.common.testsupport.Tokens;
import io.pluginplatform.plugin.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * An agent's view of its desired plugins (list_plugins with the long-poll), the reconciliation of what it reports on
 * publish, and recover_plugin. Installations are written straight to the database here: the broker places them.
 */
class SupervisorPluginsTest extends IntegrationTest {

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private RevisionWatchers watchers;

    @Autowired
    private SupervisorService supervisorService;

    private SupervisorCalls supervisors;
    private String hostname;
    private String supervisorId;

    @BeforeEach
    void registerASupervisor() {
        supervisors = new SupervisorCalls(api);
        hostname = newHostname();
        supervisorId = supervisors.registered(hostname);
    }

    private void install(String pluginId, String version, String state, long generation, String... endpoints) {
        Document installation = new Document("supervisor_id", supervisorId)
                .append("domain_id", supervisors.domain())
                .append("plugin_key", "managed/" + pluginId)
                .append("plugin_id", pluginId)
                .append("version", version)
                .append("state", state)
                .append("endpoints", List.of(endpoints))
                .append("endpoint", endpoints.length == 0 ? null : endpoints[0])
                .append("generation", generation)
                .append("failure_count", 0)
                .append("image", "127.0.0.1:5000/examples/" + pluginId + ":" + version)
                .append("capability", new Document("port", 50051))
                .append("created_at", Date.from(Instant.now()))
                .append("updated_at", Date.from(Instant.now()));
        mongo.insert(installation, "installed_plugins");
        // as the broker does when it places one: the supervisor's desired plugins changed
        supervisorService.desiredPluginsChanged(supervisorId);
    }

    private Response publishReporting(Object... plugins) {
        Map<String, Object> body = publishBody(hostname, secretOf(hostname));
        body.put("plugin_info", List.of(plugins));
        Response response = supervisors.publish(hostname, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private static Map<String, Object> report(String pluginId, String state, long generation, String endpoint) {
        return object(
                "plugin_id",
                pluginId,
                "version",
                "1.0.0",
                "state",
                state,
                "endpoint",
                endpoint,
                "generation",
                generation);
    }

    private JsonNode plugin(String pluginId) {
        Response list = api.get(
                "/plugin/v1/supervisor/" + supervisorId + "/plugins?plugin_id=" + pluginId, supervisors.admin());
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().path("total_count").asInt()).isEqualTo(1);
        return list.json().path("results").get(0);
    }

    @Test
    void theAgentSeesItsDesiredPluginsWithWhatItNeedsToRunThemInEveryRouteStyle() {
        install("plugin-a", "1.0.0", "PROVISIONING", 0);
        String agent = supervisors.agent(hostname);

        Response resource = api.get("/plugin/v1/supervisor/" + supervisorId + "/plugins", agent);
        Response search = api.post("/plugin/v1/supervisor/" + supervisorId + "/plugins/search", agent, "{}");
        Response verb = api.post("/plugin/v1/supervisor/list-plugins", agent, "{}");

        for (Response response : List.of(resource, search, verb)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode item = response.json().path("results").get(0);
            assertThat(item.path("plugin_id").asString()).isEqualTo("plugin-a");
            assertThat(item.path("image").asString()).isEqualTo("127.0.0.1:5000/examples/plugin-a:1.0.0");
            assertThat(item.path("capability").path("port").asInt()).isEqualTo(50051);
            assertThat(item.path("supervisor_name").asString()).isNotBlank();
            assertThat(item.path("managed").asBoolean()).isTrue();
            assertThat(response.json().path("revision").isNumber()).isTrue();
        }
    }

    @Test
    void anotherDomainNeverSeesTheSupervisorsPlugins() {
        install("plugin-a", "1.0.0", "ACTIVE", 0, "10.0.0.7:50051");
        String stranger = Tokens.admin(SupervisorCalls.newDomain());

        assertProblem(api.get("/plugin/v1/supervisor/" + supervisorId + "/plugins", stranger), 404, "ERROR_NOT_FOUND");
        Response everything = api.post("/plugin/v1/supervisor/list-plugins", stranger, "{}");
        assertThat(everything.json().path("total_count").asInt()).isZero();
    }

    @Test
    void aSupervisorTokenReadsOnlyItsOwnSupervisorsPlugins() {
        String other = supervisors.registered(newHostname());

        assertProblem(
                api.get("/plugin/v1/supervisor/" + other + "/plugins", supervisors.agent(hostname)),
                403,
                "ERROR_PERMISSION_DENIED");
    }

    @Test
    void publishReportingActiveWithAnEndpointMakesTheInstallationActive() {
        install("plugin-a", "1.0.0", "PROVISIONING", 0);

        publishReporting(report("plugin-a", "ACTIVE", 0, "10.0.0.7:50051"));

        JsonNode plugin = plugin("plugin-a");
        assertThat(plugin.path("state").asString()).isEqualTo("ACTIVE");
        assertThat(plugin.path("endpoint").asString()).isEqualTo("10.0.0.7:50051");
        assertThat(plugin.path("endpoints").toString()).isEqualTo("[\"10.0.0.7:50051\"]");
    }

    @Test
    void anActivePluginTheAgentStopsReportingIsNoLongerActive() {
        install("plugin-a", "1.0.0", "ACTIVE", 0, "10.0.0.7:50051");

        publishReporting();

        assertThat(plugin("plugin-a").path("state").asString()).isEqualTo("PROVISIONING");
    }

    @Test
    void anErrorReportKeepsTheAgentsMessage() {
        install("plugin-a", "1.0.0", "PROVISIONING", 0);
        Map<String, Object> failed = report("plugin-a", "ERROR", 0, null);
        failed.put("last_error", "image pull failed: manifest unknown");

        publishReporting(failed);

        JsonNode plugin = plugin("plugin-a");
        assertThat(plugin.path("state").asString()).isEqualTo("ERROR");
        assertThat(plugin.path("last_error").asString()).isEqualTo("image pull failed: manifest unknown");
    }

    @Test
    void aRecoveryIsNotCancelledByTheOldGenerationStillReportingActive() {
        install("plugin-a", "1.0.0", "ACTIVE", 0, "10.0.0.7:50051");

        Response recovered = api.post(
                "/plugin/v1/supervisor/" + supervisorId + "/plugin/plugin-a/recover",
                supervisors.admin(),
                json("version", "1.0.0"));
        assertThat(recovered.status()).as(recovered.toString()).isEqualTo(200);
        assertThat(recovered.json().path("state").asString()).isEqualTo("RE_PROVISIONING");
        assertThat(recovered.json().path("generation").asLong()).isEqualTo(1);

        publishReporting(report("plugin-a", "ACTIVE", 0, "10.0.0.7:50051"));
        assertThat(plugin("plugin-a").path("state").asString()).isEqualTo("RE_PROVISIONING");

        publishReporting(report("plugin-a", "ACTIVE", 1, "10.0.0.7:50052"));
        JsonNode plugin = plugin("plugin-a");
        assertThat(plugin.path("state").asString()).isEqualTo("ACTIVE");
        assertThat(plugin.path("endpoint").asString()).isEqualTo("10.0.0.7:50052");
    }

    @Test
    void recoverWorksInTheVerbStyleAndRefusesAPluginThatIsStillStarting() {
        install("plugin-a", "1.0.0", "ERROR", 0);
        install("plugin-b", "1.0.0", "PROVISIONING", 0);

        Response verb = api.post(
                "/plugin/v1/supervisor/recover-plugin",
                supervisors.admin(),
                json("supervisor_id", supervisorId, "plugin_id", "plugin-a", "version", "1.0.0"));
        assertThat(verb.status()).as(verb.toString()).isEqualTo(200);
        assertThat(verb.json().path("state").asString()).isEqualTo("RE_PROVISIONING");

        assertProblem(
                api.post(
                        "/plugin/v1/supervisor/" + supervisorId + "/plugin/plugin-b/recover",
                        supervisors.admin(),
                        json("version", "1.0.0")),
                409,
                "ERROR_PLUGIN_STATE_CHANGE");
        assertProblem(
                api.post(
                        "/plugin/v1/supervisor/" + supervisorId + "/plugin/plugin-c/recover",
                        supervisors.admin(),
                        json("version", "1.0.0")),
                404,
                "ERROR_NOT_FOUND");
        assertProblem(
                api.post(
                        "/plugin/v1/supervisor/" + supervisorId + "/plugin/plugin-a/recover",
                        supervisors.member(),
                        json("version", "1.0.0")),
                403,
                "ERROR_PERMISSION_DENIED");
    }

    @Test
    void theLongPollAnswersAsSoonAsTheDesiredPluginsChange() throws Exception {
        install("plugin-a", "1.0.0", "ACTIVE", 0, "10.0.0.7:50051");
        String agent = supervisors.agent(hostname);
        long revision = api.get("/plugin/v1/supervisor/" + supervisorId + "/plugins", agent)
                .json()
                .path("revision")
                .asLong();

        CompletableFuture<Response> waiting = new CompletableFuture<>();
        new Thread(() -> waiting.complete(api.post(
                        "/plugin/v1/supervisor/list-plugins",
                        agent,
                        json("watch", object("revision", revision, "timeout_seconds", 30)))))
                .start();
        await().atMost(Duration.ofSeconds(10)).until(() -> watchers.waiting() >= 1);
        api.post(
                "/plugin/v1/supervisor/" + supervisorId + "/plugin/plugin-a/recover",
                supervisors.admin(),
                json("version", "1.0.0"));

        Response changed = waiting.get(20, TimeUnit.SECONDS);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("revision").asLong()).isGreaterThan(revision);
        assertThat(changed.json().path("results").get(0).path("state").asString())
                .isEqualTo("RE_PROVISIONING");
    }

    @Test
    void theLongPollAnswersTheUnchangedListWhenItTimesOut() {
        String agent = supervisors.agent(hostname);
        long revision = api.get("/plugin/v1/supervisor/" + supervisorId + "/plugins", agent)
                .json()
                .path("revision")
                .asLong();

        Response unchanged = api.get(
                "/plugin/v1/supervisor/" + supervisorId + "/plugins?watch_revision=" + revision
                        + "&watch_timeout_seconds=1",
                agent);

        assertThat(unchanged.status()).as(unchanged.toString()).isEqualTo(200);
        assertThat(unchanged.json().path("revision").asLong()).isEqualTo(revision);
    }

    @Test
    void waitingAgentsHoldNoRequestThread() throws Exception {
        // Tomcat serves at most 200 requests on threads at once: 250 waiters at the same time means none holds one
        String agent = supervisors.agent(hostname);
        int callers = 250;
        ExecutorService clients = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Response>> waiting = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                waiting.add(clients.submit(() -> api.get(
                        "/plugin/v1/supervisor/" + supervisorId + "/plugins?watch_revision=0&watch_timeout_seconds=60",
                        agent)));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> watchers.waiting() >= callers);

            supervisorService.desiredPluginsChanged(supervisorId);

            for (Future<Response> call : waiting) {
                Response answer = call.get(30, TimeUnit.SECONDS);
                assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                assertThat(answer.json().path("revision").asLong()).isEqualTo(1);
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
