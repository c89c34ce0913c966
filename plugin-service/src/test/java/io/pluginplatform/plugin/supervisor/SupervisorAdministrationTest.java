package io.pluginplatform.plugin.supervisor;

import static io.pluginplatform.plugin.supervisor.SupervisorCalls.ID;
import static io.pluginplatform.plugin.supervisor.SupervisorCalls.assertProblem;
import static io.pluginplatform.plugin.supervisor.SupervisorCalls.json;
import static io.pluginplatform.plugin.supervisor.SupervisorCalls.newHostname;
import static io.pluginplatform.plugin.supervisor.SupervisorCalls.object;
import static io.pluginplatform.plugin.supervisor.SupervisorCalls.publishBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pluginplatform.common.testsupport.Api.Response;
import io.pluginplatform.common.testsupport.Tokens;
import io.pluginplatform.plugin.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** register, update, enable, disable and deregister: the administrator's side of a supervisor. */
class SupervisorAdministrationTest extends IntegrationTest {

    private static final String INSTALLED_PLUGINS = "installed_plugins";

    @Autowired
    private MongoTemplate mongo;

    private SupervisorCalls supervisors;

    @BeforeEach
    void newDomain() {
        supervisors = new SupervisorCalls(api);
    }

    @Test
    void registerEnablesAPendingSupervisorWithTheGivenFieldsInBothRouteStyles() {
        String first = supervisors.created(newHostname());
        String second = supervisors.created(newHostname());
        String fields = json(
                "name",
                "Edge runner",
                "priority",
                80,
                "labels",
                object("region", "eu-west", "gpu", "true"),
                "tags",
                object("owner", "ops"));

        Response resource = api.post("/plugin/v1/supervisor/" + first + "/register", supervisors.admin(), fields);
        Response verb = supervisors.register(
                second,
                "name",
                "Edge runner",
                "priority",
                80,
                "labels",
                object("region", "eu-west", "gpu", "true"),
                "tags",
                object("owner", "ops"));

        for (Response response : List.of(resource, verb)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertRegistered(response.json());
        }
        assertThat(resource.json().path("supervisor_id").asString()).isEqualTo(first);
        assertThat(verb.json().path("supervisor_id").asString()).isEqualTo(second);
        assertRegistered(supervisors.info(first));
        assertRegistered(supervisors.info(second));
    }

    private static void assertRegistered(JsonNode info) {
        assertThat(info.path("state").asString()).isEqualTo("ENABLED");
        assertThat(info.path("name").asString()).isEqualTo("Edge runner");
        assertThat(info.path("priority").asInt()).isEqualTo(80);
        assertThat(info.path("labels").path("region").asString()).isEqualTo("eu-west");
        assertThat(info.path("labels").path("gpu").asString()).isEqualTo("true");
        assertThat(info.path("tags").path("owner").asString()).isEqualTo("ops");
        assertThat(info.path("is_public").asBoolean()).isFalse();
    }

    @Test
    void registeringASupervisorThatIsNotPendingIsAStateConflict() {
        String id = supervisors.registered(newHostname());

        assertProblem(supervisors.register(id), 409, "ERROR_SUPERVISOR_STATE");
        assertProblem(
                api.post("/plugin/v1/supervisor/" + id + "/register", supervisors.admin(), "{}"),
                409,
                "ERROR_SUPERVISOR_STATE");
        assertThat(supervisors.verb("disable", supervisors.admin(), id).status())
                .isEqualTo(200);
        assertProblem(supervisors.register(id), 409, "ERROR_SUPERVISOR_STATE");
        assertThat(supervisors.state(id)).isEqualTo("DISABLED");
    }

    @Test
    void registerNeedsADomainAdministratorOrTheSystem() {
        String hostname = newHostname();
        String id = supervisors.created(hostname);

        assertProblem(supervisors.verb("register", supervisors.member(), id), 403, "ERROR_PERMISSION_DENIED");
        assertProblem(supervisors.verb("register", supervisors.agent(hostname), id), 403, "ERROR_PERMISSION_DENIED");
        assertThat(supervisors.state(id)).isEqualTo("PENDING");

        Response bySystem = supervisors.verb("register", Tokens.system(), id, "domain_id", supervisors.domain());
        assertThat(bySystem.status()).as(bySystem.toString()).isEqualTo(200);
        assertThat(bySystem.json().path("state").asString()).isEqualTo("ENABLED");
    }

    @Test
    void onlyTheSystemMakesASupervisorPublicAndPrivateAgain() {
        String id = supervisors.created(newHostname());

        assertProblem(supervisors.register(id, "is_public", true), 403, "ERROR_PERMISSION_DENIED");
        assertThat(supervisors.state(id)).isEqualTo("PENDING");
        assertThat(supervisors.register(id).status()).isEqualTo(200);
        assertProblem(supervisors.update(id, "is_public", true), 403, "ERROR_PERMISSION_DENIED");
        assertThat(supervisors.info(id).path("is_public").asBoolean()).isFalse();

        Response publicly =
                supervisors.verb("update", Tokens.system(), id, "is_public", true, "domain_id", supervisors.domain());
        assertThat(publicly.status()).as(publicly.toString()).isEqualTo(200);
        assertThat(publicly.json().path("is_public").asBoolean()).isTrue();
        assertThat(supervisors.info(id).path("is_public").asBoolean()).isTrue();

        Response privately =
                supervisors.verb("update", Tokens.system(), id, "is_public", false, "domain_id", supervisors.domain());
        assertThat(privately.status()).as(privately.toString()).isEqualTo(200);
        assertThat(privately.json().path("is_public").asBoolean()).isFalse();
        assertThat(supervisors.info(id).path("is_public").asBoolean()).isFalse();
    }

    @Test
    void aSystemRegistrationMayMakeTheSupervisorPublic() {
        String id = supervisors.created(newHostname());

        Response response =
                supervisors.verb("register", Tokens.system(), id, "is_public", true, "domain_id", supervisors.domain());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("is_public").asBoolean()).isTrue();
    }

    @Test
    void priorityMustBeBetween1And100() {
        String id = supervisors.created(newHostname());

        assertThat(supervisors.register(id, "priority", 0).status()).isEqualTo(400);
        assertThat(supervisors.register(id, "priority", 101).status()).isEqualTo(400);
        assertThat(supervisors.state(id)).isEqualTo("PENDING");
        assertThat(supervisors
                        .register(id, "priority", 1)
                        .json()
                        .path("priority")
                        .asInt())
                .isEqualTo(1);
        Response tooHigh = supervisors.update(id, "priority", 101);
        assertThat(tooHigh.status()).as(tooHigh.toString()).isEqualTo(400);
        assertThat(tooHigh.header("Content-Type")).startsWith(SupervisorCalls.PROBLEM_JSON);
        assertThat(supervisors
                        .update(id, "priority", 100)
                        .json()
                        .path("priority")
                        .asInt())
                .isEqualTo(100);
        assertThat(supervisors.info(id).path("priority").asInt()).isEqualTo(100);
    }

    @Test
    void labelsMustBeAnObjectOfStrings() {
        String id = supervisors.created(newHostname());

        Response number = supervisors.register(id, "labels", object("region", 5));
        Response nested = supervisors.register(id, "labels", object("region", object("name", "eu")));
        Response list = supervisors.register(id, "labels", List.of("eu"));

        for (Response response : List.of(number, nested, list)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith(SupervisorCalls.PROBLEM_JSON);
        }
        assertThat(supervisors.state(id)).isEqualTo("PENDING");
        assertThat(supervisors.info(id).path("labels").isEmpty()).isTrue();
    }

    @Test
    void updateChangesNamePriorityLabelsAndTagsInBothRouteStyles() {
        String id = supervisors.registered(newHostname());
        JsonNode before = supervisors.info(id);
        awaitTheClockPast(before.path("updated_at").asString());

        Response resource = api.put(
                "/plugin/v1/supervisor/" + id,
                supervisors.admin(),
                json("name", "Renamed", "priority", 70, "labels", object("zone", "b")));
        assertThat(resource.status()).as(resource.toString()).isEqualTo(200);
        assertThat(resource.json().path("name").asString()).isEqualTo("Renamed");
        assertThat(resource.json().path("priority").asInt()).isEqualTo(70);
        assertThat(resource.json().path("labels").path("zone").asString()).isEqualTo("b");
        assertThat(resource.json().path("updated_at")).isNotEqualTo(before.path("updated_at"));
        assertThat(resource.json().path("created_at")).isEqualTo(before.path("created_at"));

        Response verb = supervisors.update(id, "tags", object("cost_center", "42"), "priority", 90);
        assertThat(verb.status()).as(verb.toString()).isEqualTo(200);

        JsonNode after = supervisors.info(id);
        assertThat(after.path("name").asString()).isEqualTo("Renamed");
        assertThat(after.path("priority").asInt()).isEqualTo(90);
        assertThat(after.path("labels").path("zone").asString()).isEqualTo("b");
        assertThat(after.path("tags").path("cost_center").asString()).isEqualTo("42");
        assertThat(after.path("state").asString()).isEqualTo("ENABLED");
        assertThat(after.path("created_at")).isEqualTo(before.path("created_at"));
        assertThat(after.path("updated_at").asString())
                .isGreaterThan(before.path("updated_at").asString());
    }

    @Test
    void aBodyThatContradictsThePathIsRejected() {
        String id = supervisors.registered(newHostname());
        String other = supervisors.registered(newHostname());

        Response response =
                api.put("/plugin/v1/supervisor/" + id, supervisors.admin(), json("supervisor_id", other, "name", "x"));

        assertProblem(response, 400, "ERROR_INVALID_PARAMETER");
        assertThat(supervisors.info(other).path("name").asString()).isNotEqualTo("x");
        assertThat(supervisors.info(id).path("name").asString()).isNotEqualTo("x");
    }

    @Test
    void updateNeedsADomainAdministrator() {
        String hostname = newHostname();
        String id = supervisors.registered(hostname);

        assertProblem(
                supervisors.verb("update", supervisors.member(), id, "name", "x"), 403, "ERROR_PERMISSION_DENIED");
        assertProblem(
                api.put("/plugin/v1/supervisor/" + id, supervisors.agent(hostname), json("name", "x")),
                403,
                "ERROR_PERMISSION_DENIED");
        assertThat(supervisors.info(id).path("name").asString()).isNotEqualTo("x");
    }

    @Test
    void afterAResetOfTheSecretKeyAReplacementAgentSetsANewOne() {
        String hostname = newHostname();
        String id = supervisors.registered(hostname);

        Response reset = supervisors.update(id, "reset_secret_key", true);
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);

        Response replacement =
                supervisors.publish(hostname, publishBody(hostname, "the-replacement-agents-secret-key"));
        assertThat(replacement.status()).as(replacement.toString()).isEqualTo(200);
        assertThat(replacement.json().path("supervisor_id").asString()).isEqualTo(id);
        assertThat(replacement.json().path("state").asString()).isEqualTo("ENABLED");

        assertProblem(supervisors.publish(hostname), 403, "ERROR_PERMISSION_DENIED");
        Response again = supervisors.publish(hostname, publishBody(hostname, "the-replacement-agents-secret-key"));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
    }

    @Test
    void enableAndDisableFollowTheAdministrativeStateInBothRouteStyles() {
        String id = supervisors.registered(newHostname());
        String admin = supervisors.admin();

        Response disabled = api.put("/plugin/v1/supervisor/" + id + "/disable", admin, null);
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().path("state").asString()).isEqualTo("DISABLED");
        Response disabledAgain = supervisors.verb("disable", admin, id);
        assertThat(disabledAgain.status()).as(disabledAgain.toString()).isEqualTo(200);
        assertThat(disabledAgain.json().path("state").asString()).isEqualTo("DISABLED");
        assertThat(supervisors.state(id)).isEqualTo("DISABLED");

        Response enabled = supervisors.verb("enable", admin, id);
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        assertThat(enabled.json().path("state").asString()).isEqualTo("ENABLED");
        Response enabledAgain = api.put("/plugin/v1/supervisor/" + id + "/enable", admin, "{}");
        assertThat(enabledAgain.status()).as(enabledAgain.toString()).isEqualTo(200);
        assertThat(enabledAgain.json().path("state").asString()).isEqualTo("ENABLED");
        assertThat(supervisors.state(id)).isEqualTo("ENABLED");

        Response disabledByVerb = supervisors.verb("disable", admin, id);
        assertThat(disabledByVerb.json().path("state").asString()).isEqualTo("DISABLED");
        Response enabledByResource = api.put("/plugin/v1/supervisor/" + id + "/enable", admin, null);
        assertThat(enabledByResource.json().path("state").asString()).isEqualTo("ENABLED");
    }

    @Test
    void aPendingSupervisorCanBeNeitherEnabledNorDisabled() {
        String id = supervisors.created(newHostname());
        String admin = supervisors.admin();

        assertProblem(api.put("/plugin/v1/supervisor/" + id + "/enable", admin, null), 409, "ERROR_SUPERVISOR_STATE");
        assertProblem(supervisors.verb("enable", admin, id), 409, "ERROR_SUPERVISOR_STATE");
        assertProblem(api.put("/plugin/v1/supervisor/" + id + "/disable", admin, null), 409, "ERROR_SUPERVISOR_STATE");
        assertProblem(supervisors.verb("disable", admin, id), 409, "ERROR_SUPERVISOR_STATE");
        assertThat(supervisors.state(id)).isEqualTo("PENDING");
    }

    @Test
    void enableAndDisableNeedADomainAdministrator() {
        String hostname = newHostname();
        String id = supervisors.registered(hostname);

        assertProblem(supervisors.verb("disable", supervisors.member(), id), 403, "ERROR_PERMISSION_DENIED");
        assertProblem(
                api.put("/plugin/v1/supervisor/" + id + "/disable", supervisors.agent(hostname), null),
                403,
                "ERROR_PERMISSION_DENIED");
        assertThat(supervisors.state(id)).isEqualTo("ENABLED");
    }

    @Test
    void deregisterDeletesTheSupervisorInBothRouteStyles() {
        String first = newHostname();
        String second = newHostname();
        String firstId = supervisors.registered(first);
        String secondId = supervisors.created(second);

        Response resource = api.delete("/plugin/v1/supervisor/" + firstId + "/register", supervisors.admin());
        Response verb = supervisors.verb("deregister", supervisors.admin(), secondId);

        for (Response response : List.of(resource, verb)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().isObject()).as(response.toString()).isTrue();
            assertThat(response.json().isEmpty()).as(response.toString()).isTrue();
        }
        assertProblem(supervisors.get(firstId), 404, "ERROR_NOT_FOUND");
        assertProblem(supervisors.get(secondId), 404, "ERROR_NOT_FOUND");
    }

    @Test
    void aPublishAfterDeregistrationCreatesANewPendingSupervisor() {
        String hostname = newHostname();
        String id = supervisors.registered(hostname);
        assertThat(supervisors.verb("deregister", supervisors.admin(), id).status())
                .isEqualTo(200);

        Response response = supervisors.publish(hostname);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("supervisor_id").asString()).matches(ID).isNotEqualTo(id);
        assertThat(response.json().path("state").asString()).isEqualTo("PENDING");
        assertProblem(supervisors.get(id), 404, "ERROR_NOT_FOUND");
    }

    @Test
    void deregisterIsRefusedWhileInstalledPluginsExistUnlessForcedInTheQuery() {
        String id = supervisors.registered(newHostname());
        installPlugin(id, "plugin-x");

        Response refused = api.delete("/plugin/v1/supervisor/" + id + "/register", supervisors.admin());

        assertProblem(refused, 409, "ERROR_INSTALLED_PLUGIN_EXIST");
        assertThat(supervisors.state(id)).isEqualTo("ENABLED");
        assertThat(installedOn(id)).isEqualTo(1);

        Response forced = api.delete("/plugin/v1/supervisor/" + id + "/register?force=true", supervisors.admin());

        assertThat(forced.status()).as(forced.toString()).isEqualTo(200);
        assertThat(forced.body()).isEqualTo("{}");
        assertProblem(supervisors.get(id), 404, "ERROR_NOT_FOUND");
        assertThat(installedOn(id)).isZero();
    }

    @Test
    void deregisterIsRefusedWhileInstalledPluginsExistUnlessForcedInTheBody() {
        String id = supervisors.registered(newHostname());
        installPlugin(id, "plugin-x");
        installPlugin(id, "plugin-y");

        assertProblem(supervisors.verb("deregister", supervisors.admin(), id), 409, "ERROR_INSTALLED_PLUGIN_EXIST");
        assertProblem(
                supervisors.verb("deregister", supervisors.admin(), id, "force", false),
                409,
                "ERROR_INSTALLED_PLUGIN_EXIST");
        assertThat(installedOn(id)).isEqualTo(2);

        Response forced = supervisors.verb("deregister", supervisors.admin(), id, "force", true);

        assertThat(forced.status()).as(forced.toString()).isEqualTo(200);
        assertThat(forced.body()).isEqualTo("{}");
        assertProblem(supervisors.get(id), 404, "ERROR_NOT_FOUND");
        assertThat(installedOn(id)).isZero();
    }

    @Test
    void deregisterNeedsADomainAdministrator() {
        String hostname = newHostname();
        String id = supervisors.registered(hostname);

        assertProblem(supervisors.verb("deregister", supervisors.member(), id), 403, "ERROR_PERMISSION_DENIED");
        assertProblem(
                api.delete("/plugin/v1/supervisor/" + id + "/register", supervisors.agent(hostname)),
                403,
                "ERROR_PERMISSION_DENIED");
        assertThat(supervisors.state(id)).isEqualTo("ENABLED");
    }

    @Test
    void anotherDomainCannotAdministerTheSupervisor() {
        String id = supervisors.created(newHostname());
        String stranger = Tokens.admin(SupervisorCalls.newDomain());

        assertProblem(supervisors.verb("register", stranger, id), 404, "ERROR_NOT_FOUND");
        assertProblem(api.put("/plugin/v1/supervisor/" + id, stranger, json("name", "x")), 404, "ERROR_NOT_FOUND");
        assertProblem(api.delete("/plugin/v1/supervisor/" + id + "/register", stranger), 404, "ERROR_NOT_FOUND");
        assertThat(supervisors.register(id).status()).isEqualTo(200);
        assertProblem(api.put("/plugin/v1/supervisor/" + id + "/disable", stranger, null), 404, "ERROR_NOT_FOUND");
        assertProblem(supervisors.verb("enable", stranger, id), 404, "ERROR_NOT_FOUND");
        assertProblem(
                supervisors.verb("disable", stranger, id, "domain_id", supervisors.domain()),
                403,
                "ERROR_PERMISSION_DENIED");

        JsonNode info = supervisors.info(id);
        assertThat(info.path("state").asString()).isEqualTo("ENABLED");
        assertThat(info.path("name").asString()).isNotEqualTo("x");
    }

    @Test
    void unknownSupervisorsAreNotFound() {
        String missing = "supervisor-000000000000";

        assertProblem(supervisors.register(missing), 404, "ERROR_NOT_FOUND");
        assertProblem(supervisors.update(missing, "name", "x"), 404, "ERROR_NOT_FOUND");
        assertProblem(supervisors.verb("enable", supervisors.admin(), missing), 404, "ERROR_NOT_FOUND");
        assertProblem(supervisors.verb("deregister", supervisors.admin(), missing), 404, "ERROR_NOT_FOUND");
    }

    private void installPlugin(String supervisorId, String pluginId) {
        mongo.insert(
                new Document("supervisor_id", supervisorId)
                        .append("domain_id", supervisors.domain())
                        .append("plugin_id", pluginId)
                        .append("version", "1.0.0")
                        .append("plugin_key", "managed/" + pluginId)
                        .append("state", "ACTIVE"),
                INSTALLED_PLUGINS);
    }

    private long installedOn(String supervisorId) {
        return mongo.count(Query.query(Criteria.where("supervisor_id").is(supervisorId)), INSTALLED_PLUGINS);
    }

    /** So that a write's {@code updated_at} (milliseconds) can differ from the previous one. */
    private static void awaitTheClockPast(String timestamp) {
        Instant previous = Instant.parse(timestamp);
        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> Instant.now().isAfter(previous));
    }
}
