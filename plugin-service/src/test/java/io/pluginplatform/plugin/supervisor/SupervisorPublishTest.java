package io.pluginplatform.plugin.supervisor;

import static io.pluginplatform.plugin.supervisor.SupervisorCalls.ID;
import static io.pluginplatform.plugin.supervisor.SupervisorCalls.TIMESTAMP;
import static io.pluginplatform.plugin.supervisor.SupervisorCalls.assertProblem;
import static io.pluginplatform.plugin.supervisor.SupervisorCalls.json;
import static io.pluginplatform.plugin.supervisor.SupervisorCalls.newHostname;
import static io.pluginplatform.plugin.supervisor.SupervisorCalls.object;
import static io.pluginplatform.plugin.supervisor.SupervisorCalls.publishBody;
import static io.pluginplatform.plugin.supervisor.SupervisorCalls.secretOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.testsupport.Api.Response;
import io.pluginplatform.common.testsupport.Tokens;
import io.pluginplatform.plugin.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** publish: the agent's heartbeat creates its supervisor, proves its secret key and reports the agent. */
class SupervisorPublishTest extends IntegrationTest {

    private SupervisorCalls supervisors;

    @BeforeEach
    void newDomain() {
        supervisors = new SupervisorCalls(api);
    }

    @Test
    void aFirstPublishCreatesAPendingSupervisorInBothRouteStyles() {
        String first = newHostname();
        String second = newHostname();

        Response resource =
                api.post("/plugin/v1/supervisors", supervisors.agent(first), json(publishBody(first, secretOf(first))));
        Response verb = api.post(
                "/plugin/v1/supervisor/publish",
                supervisors.agent(second),
                json(publishBody(second, secretOf(second))));

        for (Response response : List.of(resource, verb)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith("application/json");
            JsonNode info = response.json();
            assertThat(info.path("supervisor_id").asString()).matches(ID);
            assertThat(info.path("state").asString()).isEqualTo("PENDING");
            assertThat(info.path("priority").asInt()).isEqualTo(50);
            assertThat(info.path("is_public").isBoolean()).isTrue();
            assertThat(info.path("is_public").asBoolean()).isFalse();
            assertThat(info.path("labels").isObject()).as(info.toString()).isTrue();
            assertThat(info.path("labels").isEmpty()).as(info.toString()).isTrue();
            assertThat(info.path("domain_id").asString()).isEqualTo(supervisors.domain());
            assertThat(info.path("tags").path("team").asString()).isEqualTo("platform");
            assertThat(info.path("desired_revision").isNumber())
                    .as(info.toString())
                    .isTrue();
            for (String timestamp : List.of("created_at", "updated_at", "last_seen_at")) {
                assertThat(info.path(timestamp).asString()).as(timestamp).matches(TIMESTAMP);
            }
            JsonNode agent = info.path("agent");
            assertThat(agent.path("version").asString()).isEqualTo("1.0.0");
            assertThat(agent.path("runtime").asString()).isEqualTo("docker");
            assertThat(agent.path("capacity").asInt()).isEqualTo(20);
            assertThat(agent.path("labels").path("region").asString()).isEqualTo("eu-west");
            assertThat(agent.path("advertise_address").asString()).isEqualTo("10.0.0.7");
            assertThat(agent.path("plugin_count").asInt()).isZero();
        }
        assertThat(resource.json().path("hostname").asString()).isEqualTo(first);
        assertThat(resource.json().path("name").asString()).isEqualTo("agent " + first);
        assertThat(verb.json().path("hostname").asString()).isEqualTo(second);
        assertThat(resource.json().path("supervisor_id").asString())
                .isNotEqualTo(verb.json().path("supervisor_id").asString());

        JsonNode read = supervisors.info(resource.json().path("supervisor_id").asString());
        assertThat(read.path("hostname").asString()).isEqualTo(first);
        assertThat(read.path("state").asString()).isEqualTo("PENDING");
    }

    @Test
    void publishingAgainKeepsTheSupervisorAndRecordsTheAgentsReport() {
        String hostname = newHostname();
        JsonNode first = supervisors.publish(hostname).json();
        Map<String, Object> later = publishBody(hostname, secretOf(hostname));
        later.put("agent", SupervisorCalls.agentBody("1.1.0"));

        Response again = supervisors.publish(hostname, later);

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("supervisor_id").asString())
                .isEqualTo(first.path("supervisor_id").asString());
        assertThat(again.json().path("agent").path("version").asString()).isEqualTo("1.1.0");
        assertThat(again.json().path("last_seen_at").asString())
                .isGreaterThanOrEqualTo(first.path("last_seen_at").asString());
        assertThat(again.json().path("created_at")).isEqualTo(first.path("created_at"));
        JsonNode read = supervisors.info(first.path("supervisor_id").asString());
        assertThat(read.path("agent").path("version").asString()).isEqualTo("1.1.0");
        assertThat(read.path("state").asString()).isEqualTo("PENDING");
    }

    @Test
    void publishAcceptsAnOmittedPluginInfo() {
        String hostname = newHostname();
        Map<String, Object> body = publishBody(hostname, secretOf(hostname));
        body.remove("plugin_info");

        Response response = supervisors.publish(hostname, body);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("state").asString()).isEqualTo("PENDING");
    }

    @Test
    void aFirstPublishWithoutSecretKeyIsRejectedAndCreatesNothing() {
        String hostname = newHostname();
        Map<String, Object> body = publishBody(hostname, secretOf(hostname));
        body.remove("secret_key");

        Response response = supervisors.publish(hostname, body);

        assertProblem(response, 400, "ERROR_REQUIRED_PARAMETER");
        Response list = api.get("/plugin/v1/supervisors?hostname=" + hostname, supervisors.admin());
        assertThat(list.json().path("total_count").asInt()).as(list.toString()).isZero();
    }

    @Test
    void publishWithAnotherSecretKeyIsDeniedAndChangesNothing() {
        String hostname = newHostname();
        String id = supervisors.created(hostname);
        JsonNode before = supervisors.info(id);
        Map<String, Object> impostor = publishBody(hostname, "another-secret-key-of-an-impostor");
        impostor.put("agent", SupervisorCalls.agentBody("6.6.6"));

        Response response = supervisors.publish(hostname, impostor);

        assertProblem(response, 403, "ERROR_PERMISSION_DENIED");
        JsonNode after = supervisors.info(id);
        assertThat(after.path("last_seen_at")).isEqualTo(before.path("last_seen_at"));
        assertThat(after.path("agent")).isEqualTo(before.path("agent"));
        assertThat(after.path("updated_at")).isEqualTo(before.path("updated_at"));
    }

    @Test
    void theSecretKeyNeverAppearsInAnyResponse() {
        String hostname = newHostname();
        String secret = secretOf(hostname);
        List<Response> responses = new ArrayList<>();
        Response created = supervisors.publish(hostname);
        String id = created.json().path("supervisor_id").asString();
        responses.add(created);
        responses.add(supervisors.publish(hostname));
        responses.add(supervisors.register(id, "name", "registered"));
        responses.add(supervisors.update(id, "priority", 60));
        responses.add(supervisors.get(id));
        responses.add(api.post("/plugin/v1/supervisor/get", supervisors.admin(), json("supervisor_id", id)));
        responses.add(api.get("/plugin/v1/supervisors", supervisors.admin()));
        responses.add(api.post("/plugin/v1/supervisor/list", supervisors.admin(), "{}"));
        responses.add(supervisors.publish(hostname, publishBody(hostname, "a-wrong-secret-key-for-this-host")));

        for (Response response : responses) {
            assertThat(response.status()).as(response.toString()).isIn(200, 403);
            assertThat(response.body()).doesNotContain(secret);
        }
    }

    @Test
    void aSupervisorTokenPublishesOnlyAsItsOwnHostname() {
        String own = newHostname();
        String other = newHostname();

        Response response = api.post(
                "/plugin/v1/supervisor/publish", supervisors.agent(own), json(publishBody(other, secretOf(other))));

        assertProblem(response, 403, "ERROR_PERMISSION_DENIED");
        Response list = api.get("/plugin/v1/supervisors?hostname=" + other, supervisors.admin());
        assertThat(list.json().path("total_count").asInt()).as(list.toString()).isZero();
    }

    @Test
    void domainAdminsAndMembersCannotPublish() {
        String hostname = newHostname();
        String body = json(publishBody(hostname, secretOf(hostname)));

        assertProblem(
                api.post("/plugin/v1/supervisor/publish", supervisors.admin(), body), 403, "ERROR_PERMISSION_DENIED");
        assertProblem(api.post("/plugin/v1/supervisors", supervisors.member(), body), 403, "ERROR_PERMISSION_DENIED");
    }

    @Test
    void aSystemTokenPublishesIntoTheDomainNamedInTheBody() {
        String hostname = newHostname();
        Map<String, Object> body = publishBody(hostname, secretOf(hostname));
        body.put("domain_id", supervisors.domain());

        Response response = api.post("/plugin/v1/supervisor/publish", Tokens.system(), json(body));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("domain_id").asString()).isEqualTo(supervisors.domain());
        JsonNode read = supervisors.info(response.json().path("supervisor_id").asString());
        assertThat(read.path("hostname").asString()).isEqualTo(hostname);
    }

    @Test
    void aSystemPublishWithoutDomainIsRejected() {
        String hostname = newHostname();

        Response response = api.post(
                "/plugin/v1/supervisor/publish", Tokens.system(), json(publishBody(hostname, secretOf(hostname))));

        assertProblem(response, 400, "ERROR_REQUIRED_PARAMETER");
    }

    @Test
    void aPublishWithoutHostnameIsRejected() {
        Map<String, Object> body = publishBody("ignored", "a-secret-key-long-enough");
        body.remove("hostname");
        body.put("domain_id", supervisors.domain());

        Response response = api.post("/plugin/v1/supervisor/publish", Tokens.system(), json(body));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith(SupervisorCalls.PROBLEM_JSON);
    }

    @Test
    void aPublishWithAnUnknownPropertyIsRejected() {
        String hostname = newHostname();
        Map<String, Object> body = publishBody(hostname, secretOf(hostname));
        body.put("hostnmae", hostname);

        assertProblem(supervisors.publish(hostname, body), 400, "ERROR_INVALID_PARAMETER");
    }

    @Test
    void onlyASystemTokenMayPublishASupervisorAsPublic() {
        String hostname = newHostname();
        Map<String, Object> body = publishBody(hostname, secretOf(hostname));
        body.put("is_public", true);

        Response fromAgent = supervisors.publish(hostname, body);

        assertProblem(fromAgent, 403, "ERROR_PERMISSION_DENIED");
        body.put("domain_id", supervisors.domain());
        Response fromSystem = api.post("/plugin/v1/supervisor/publish", Tokens.system(), json(body));
        assertThat(fromSystem.status()).as(fromSystem.toString()).isEqualTo(200);
        assertThat(fromSystem.json().path("is_public").asBoolean()).isTrue();
    }

    @Test
    void anAgentCannotMakeItsExistingSupervisorPublic() {
        String hostname = newHostname();
        String id = supervisors.created(hostname);
        Map<String, Object> body = publishBody(hostname, secretOf(hostname));
        body.put("is_public", true);

        assertProblem(supervisors.publish(hostname, body), 403, "ERROR_PERMISSION_DENIED");
        assertThat(supervisors.info(id).path("is_public").asBoolean()).isFalse();
    }

    @Test
    void nameAndTagsAreTakenAtCreationAndTheAgentsNameIsKeptUnderAgent() {
        String hostname = newHostname();
        String id = supervisors.created(hostname);
        Map<String, Object> retagged = publishBody(hostname, secretOf(hostname));
        retagged.put("tags", object("team", "somebody-else"));
        supervisors.publish(hostname, retagged);
        assertThat(supervisors.info(id).path("tags").path("team").asString()).isEqualTo("platform");
        Response renamed = supervisors.update(id, "name", "Named by the admin");
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        Map<String, Object> body = publishBody(hostname, secretOf(hostname));
        body.put("name", "the agent's new name");

        Response published = supervisors.publish(hostname, body);

        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().path("name").asString()).isEqualTo("Named by the admin");
        JsonNode read = supervisors.info(id);
        assertThat(read.path("name").asString()).isEqualTo("Named by the admin");
        assertThat(read.path("agent").path("name").asString()).isEqualTo("the agent's new name");
        assertThat(read.path("tags").path("team").asString()).isEqualTo("platform");
    }

    @Test
    void publishNeedsAValidToken() {
        String hostname = newHostname();
        String body = json(publishBody(hostname, secretOf(hostname)));
        String withoutHostname =
                Tokens.mint("SUPERVISOR", supervisors.domain(), null, Duration.ofHours(1), Tokens.SECRET);

        for (String token : new String[] {
            null, Tokens.expired(supervisors.domain()), Tokens.badlySigned(supervisors.domain()), withoutHostname
        }) {
            assertProblem(api.post("/plugin/v1/supervisor/publish", token, body), 401, "ERROR_AUTHENTICATE_FAILURE");
        }
        Response list = api.get("/plugin/v1/supervisors?hostname=" + hostname, supervisors.admin());
        assertThat(list.json().path("total_count").asInt()).as(list.toString()).isZero();
    }

    @Test
    void concurrentFirstPublishesOfOneHostCreateOneSupervisor() throws Exception {
        String hostname = newHostname();
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> supervisors.publish(hostname));
        }
        List<Response> responses = new ArrayList<>();
        ExecutorService executor = Executors.newFixedThreadPool(8);
        try {
            for (Future<Response> future : executor.invokeAll(calls)) {
                responses.add(future.get());
            }
        } finally {
            executor.shutdownNow();
        }

        Set<String> ids = new HashSet<>();
        for (Response response : responses) {
            if (response.status() == 200) {
                ids.add(response.json().path("supervisor_id").asString());
            } else {
                assertThat(response.status()).as(response.toString()).isEqualTo(409);
            }
        }
        assertThat(ids).hasSize(1);
        Response list = api.get("/plugin/v1/supervisors?hostname=" + hostname, supervisors.admin());
        assertThat(list.json().path("total_count").asInt()).as(list.toString()).isEqualTo(1);
        assertThat(supervisors.publish(hostname).json().path("supervisor_id").asString())
                .isEqualTo(ids.iterator().next());
    }
}
