package io.pluginplatform.plugin.supervisor;

import static io.pluginplatform.plugin.supervisor.SupervisorCalls.TIMESTAMP;
import static io.pluginplatform.plugin.supervisor.SupervisorCalls.assertProblem;
import static io.pluginplatform.plugin.supervisor.SupervisorCalls.field;
import static io.pluginplatform.plugin.supervisor.SupervisorCalls.json;
import static io.pluginplatform.plugin.supervisor.SupervisorCalls.newHostname;
import static io.pluginplatform.plugin.supervisor.SupervisorCalls.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.testsupport.Api.Response;
import io.pluginplatform.common.testsupport.Tokens;
import io.pluginplatform.plugin.testsupport.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** get, list and stat: reads of a domain's supervisors, scoped to the domain and, for agents, to their own. */
class SupervisorQueryTest extends IntegrationTest {

    private static final List<String> INFO_FIELDS = List.of(
            "supervisor_id",
            "name",
            "hostname",
            "state",
            "is_public",
            "domain_id",
            "tags",
            "labels",
            "priority",
            "last_seen_at",
            "agent",
            "created_at",
            "updated_at");

    private SupervisorCalls supervisors;
    private SupervisorCalls strangers;

    @BeforeEach
    void twoDomains() {
        supervisors = new SupervisorCalls(api);
        strangers = new SupervisorCalls(api);
    }

    @Test
    void getAnswersTheSupervisorInBothRouteStyles() {
        String hostname = newHostname();
        String id = supervisors.registered(hostname);

        Response resource = api.get("/plugin/v1/supervisor/" + id, supervisors.admin());
        Response verb = api.post("/plugin/v1/supervisor/get", supervisors.admin(), json("supervisor_id", id));

        assertThat(resource.status()).as(resource.toString()).isEqualTo(200);
        assertThat(verb.status()).as(verb.toString()).isEqualTo(200);
        JsonNode info = resource.json();
        for (String name : INFO_FIELDS) {
            assertThat(info.has(name)).as(name + " in " + info).isTrue();
        }
        assertThat(info.path("supervisor_id").asString()).isEqualTo(id);
        assertThat(info.path("hostname").asString()).isEqualTo(hostname);
        assertThat(info.path("domain_id").asString()).isEqualTo(supervisors.domain());
        assertThat(info.path("state").asString()).isEqualTo("ENABLED");
        for (String timestamp : List.of("created_at", "updated_at", "last_seen_at")) {
            assertThat(info.path(timestamp).asString()).as(timestamp).matches(TIMESTAMP);
        }
        assertThat(verb.json()).isEqualTo(info);
    }

    @Test
    void getWithOnlyAnswersTheNamedFields() {
        String id = supervisors.registered(newHostname());

        Response response = api.post(
                "/plugin/v1/supervisor/get",
                supervisors.admin(),
                json("supervisor_id", id, "only", List.of("supervisor_id", "state")));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("supervisor_id").asString()).isEqualTo(id);
        assertThat(response.json().path("state").asString()).isEqualTo("ENABLED");
        assertThat(response.json().has("agent")).as(response.toString()).isFalse();
        assertThat(response.json().has("hostname")).as(response.toString()).isFalse();
    }

    @Test
    void anotherDomainsSupervisorIsNotFound() {
        String id = supervisors.registered(newHostname());

        assertProblem(api.get("/plugin/v1/supervisor/" + id, strangers.admin()), 404, "ERROR_NOT_FOUND");
        assertProblem(
                api.post("/plugin/v1/supervisor/get", strangers.member(), json("supervisor_id", id)),
                404,
                "ERROR_NOT_FOUND");
        assertProblem(
                api.post(
                        "/plugin/v1/supervisor/get",
                        strangers.admin(),
                        json("supervisor_id", id, "domain_id", supervisors.domain())),
                403,
                "ERROR_PERMISSION_DENIED");
    }

    @Test
    void aSystemTokenReadsTheDomainItNames() {
        String id = supervisors.registered(newHostname());

        Response get = api.post(
                "/plugin/v1/supervisor/get",
                Tokens.system(),
                json("supervisor_id", id, "domain_id", supervisors.domain()));
        Response elsewhere = api.post(
                "/plugin/v1/supervisor/get",
                Tokens.system(),
                json("supervisor_id", id, "domain_id", strangers.domain()));
        Response list = api.get("/plugin/v1/supervisors?domain_id=" + supervisors.domain(), Tokens.system());

        assertThat(get.status()).as(get.toString()).isEqualTo(200);
        assertThat(get.json().path("supervisor_id").asString()).isEqualTo(id);
        assertProblem(elsewhere, 404, "ERROR_NOT_FOUND");
        assertThat(field(list, "supervisor_id")).as(list.toString()).containsExactly(id);
    }

    @Test
    void membersMayGetListAndStat() {
        String id = supervisors.registered(newHostname());
        String member = supervisors.member();

        Response get = api.get("/plugin/v1/supervisor/" + id, member);
        Response list = api.get("/plugin/v1/supervisors", member);
        Response stat = api.post("/plugin/v1/supervisors/stat", member, countByState());

        assertThat(get.status()).as(get.toString()).isEqualTo(200);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(field(list, "supervisor_id")).containsExactly(id);
        assertThat(stat.status()).as(stat.toString()).isEqualTo(200);
    }

    @Test
    void aSupervisorTokenReadsOnlyItsOwnSupervisor() {
        String own = newHostname();
        String other = newHostname();
        String ownId = supervisors.registered(own);
        String otherId = supervisors.registered(other);
        String agent = supervisors.agent(own);

        Response get = api.get("/plugin/v1/supervisor/" + ownId, agent);
        Response getOther = api.get("/plugin/v1/supervisor/" + otherId, agent);
        Response getOtherByVerb = api.post("/plugin/v1/supervisor/get", agent, json("supervisor_id", otherId));
        Response list = api.get("/plugin/v1/supervisors", agent);
        Response listByVerb = api.post("/plugin/v1/supervisor/list", agent, "{}");

        assertThat(get.status()).as(get.toString()).isEqualTo(200);
        assertThat(get.json().path("hostname").asString()).isEqualTo(own);
        assertProblem(getOther, 403, "ERROR_PERMISSION_DENIED");
        assertProblem(getOtherByVerb, 403, "ERROR_PERMISSION_DENIED");
        for (Response response : List.of(list, listByVerb)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(field(response, "supervisor_id")).containsExactly(ownId);
            assertThat(response.json().path("total_count").asInt()).isEqualTo(1);
        }
    }

    @Test
    void listAnswersOnlyTheDomainsSupervisorsInEveryRouteStyle() {
        String a = supervisors.registered(newHostname());
        String b = supervisors.created(newHostname());
        String c = supervisors.registered(newHostname());
        strangers.registered(newHostname());

        Response get = api.get("/plugin/v1/supervisors", supervisors.admin());
        Response search = api.post("/plugin/v1/supervisors/search", supervisors.admin(), "{}");
        Response verb = api.post("/plugin/v1/supervisor/list", supervisors.admin(), "{}");

        for (Response response : List.of(get, search, verb)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("total_count").asInt())
                    .as(response.toString())
                    .isEqualTo(3);
            assertThat(field(response, "supervisor_id")).containsExactlyInAnyOrder(a, b, c);
            assertThat(field(response, "domain_id")).containsOnly(supervisors.domain());
        }
        assertThat(search.body()).doesNotContain(strangers.domain());
    }

    @Test
    void listFiltersByTheSimpleFieldsInEveryRouteStyle() {
        String hostname = newHostname();
        String enabled = supervisors.registered(hostname);
        String pending = supervisors.created(newHostname());
        supervisors.update(enabled, "name", "Findable");

        assertThat(ids("GET", "hostname=" + hostname, null)).containsExactly(enabled);
        assertThat(ids("GET", "state=PENDING", null)).containsExactly(pending);
        assertThat(ids("GET", "state=ENABLED", null)).containsExactly(enabled);
        assertThat(ids("GET", "name=Findable", null)).containsExactly(enabled);
        assertThat(ids("GET", "supervisor_id=" + pending, null)).containsExactly(pending);
        for (String route : List.of("/plugin/v1/supervisors/search", "/plugin/v1/supervisor/list")) {
            assertThat(ids(route, null, json("hostname", hostname))).containsExactly(enabled);
            assertThat(ids(route, null, json("state", "PENDING"))).containsExactly(pending);
            assertThat(ids(route, null, json("name", "Findable"))).containsExactly(enabled);
            assertThat(ids(route, null, json("supervisor_id", pending))).containsExactly(pending);
            assertThat(ids(route, null, json("is_public", false))).containsExactlyInAnyOrder(enabled, pending);
            assertThat(ids(route, null, json("is_public", true))).isEmpty();
        }
    }

    @Test
    void listFindsThePublicSupervisorsWithIsPublic() {
        String open = supervisors.created(newHostname());
        String closed = supervisors.created(newHostname());
        Response made = supervisors.verb(
                "register", Tokens.system(), open, "is_public", true, "domain_id", supervisors.domain());
        assertThat(made.status()).as(made.toString()).isEqualTo(200);

        assertThat(ids("/plugin/v1/supervisor/list", null, json("is_public", true)))
                .containsExactly(open);
        assertThat(ids("/plugin/v1/supervisors/search", null, json("is_public", false)))
                .containsExactly(closed);
        assertThat(ids("GET", "is_public=true", null)).containsExactly(open);
    }

    @Test
    void listFiltersSortsAndPagesWithTheQueryLanguage() {
        String prefix = "host-" + SupervisorCalls.newDomain().substring(7, 13);
        for (String suffix : List.of("-b", "-c", "-a")) {
            supervisors.created(prefix + suffix);
        }
        supervisors.created(newHostname());
        Map<String, Object> query = object(
                "query",
                object(
                        "filter",
                        List.of(object("k", "hostname", "v", prefix, "o", "contain")),
                        "sort",
                        List.of(object("key", "hostname", "desc", true)),
                        "page",
                        object("start", 2, "limit", 1)));

        Response search = api.post("/plugin/v1/supervisors/search", supervisors.admin(), json(query));
        Response verb = api.post("/plugin/v1/supervisor/list", supervisors.admin(), json(query));
        Response get = api.get(
                "/plugin/v1/supervisors?keyword=" + prefix + "&sort=-hostname&start=2&limit=1", supervisors.admin());

        for (Response response : List.of(search, verb, get)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("total_count").asInt())
                    .as(response.toString())
                    .isEqualTo(3);
            assertThat(field(response, "hostname")).containsExactly(prefix + "-b");
        }
        Response firstTwo =
                api.get("/plugin/v1/supervisors?keyword=" + prefix + "&sort=hostname&limit=2", supervisors.admin());
        assertThat(firstTwo.json().path("total_count").asInt())
                .as(firstTwo.toString())
                .isEqualTo(3);
        assertThat(field(firstTwo, "hostname")).containsExactly(prefix + "-a", prefix + "-b");
    }

    @Test
    void listRejectsAFieldTheQueryLanguageDoesNotKnow() {
        String query = json("query", object("filter", List.of(object("k", "secret_key_hash", "v", "x", "o", "eq"))));

        Response response = api.post("/plugin/v1/supervisor/list", supervisors.admin(), query);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith(SupervisorCalls.PROBLEM_JSON);
    }

    @Test
    void statCountsTheDomainsSupervisorsByStateInBothRouteStyles() {
        supervisors.registered(newHostname());
        supervisors.registered(newHostname());
        supervisors.created(newHostname());
        strangers.registered(newHostname());
        strangers.created(newHostname());
        strangers.created(newHostname());

        Response resource = api.post("/plugin/v1/supervisors/stat", supervisors.admin(), countByState());
        Response verb = api.post("/plugin/v1/supervisor/stat", supervisors.admin(), countByState());

        for (Response response : List.of(resource, verb)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(countsByState(response)).isEqualTo(Map.of("ENABLED", 2, "PENDING", 1));
            JsonNode first = response.json().path("results").get(0);
            assertThat(first.path("state").asString()).isEqualTo("ENABLED");
            assertThat(first.path("count").asInt()).isEqualTo(2);
        }
        assertThat(verb.json().path("results")).isEqualTo(resource.json().path("results"));
    }

    @Test
    void statRejectsAQueryWithoutAggregateOrDistinct() {
        Response response = api.post("/plugin/v1/supervisor/stat", supervisors.admin(), json("query", object()));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith(SupervisorCalls.PROBLEM_JSON);
    }

    @Test
    void aSystemTokenMustNameTheDomain() {
        supervisors.registered(newHostname());

        assertProblem(api.get("/plugin/v1/supervisors", Tokens.system()), 400, "ERROR_REQUIRED_PARAMETER");
        assertProblem(
                api.post("/plugin/v1/supervisor/stat", Tokens.system(), countByState()),
                400,
                "ERROR_REQUIRED_PARAMETER");
    }

    private List<String> ids(String route, String parameters, String body) {
        Response response = "GET".equals(route)
                ? api.get("/plugin/v1/supervisors?" + parameters, supervisors.admin())
                : api.post(route, supervisors.admin(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return field(response, "supervisor_id");
    }

    static String countByState() {
        return json(
                "query",
                object(
                        "aggregate",
                        List.of(
                                object(
                                        "group",
                                        object(
                                                "keys",
                                                List.of(object("key", "state", "name", "state")),
                                                "fields",
                                                List.of(object("operator", "count", "name", "count")))),
                                object("sort", List.of(object("key", "count", "desc", true))))));
    }

    static Map<String, Integer> countsByState(Response response) {
        Map<String, Integer> counts = new HashMap<>();
        response.json()
                .path("results")
                .forEach(row -> counts.put(
                        row.path("state").asString(), row.path("count").asInt()));
        return counts;
    }
}
