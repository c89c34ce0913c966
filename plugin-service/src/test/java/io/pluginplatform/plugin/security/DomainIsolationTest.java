package io.pluginplatform.plugin.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.auth.Role;
import io.pluginplatform.common.testsupport.Api.Response;
import io.pluginplatform.common.testsupport.Route;
import io.pluginplatform.common.testsupport.Tokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * S2: a domain sees only its own supervisors and installations. Domain B's tokens get 404 for domain A's supervisor
 * ids (reads and writes alike, nothing written), never find them in a list, a stat or list_plugins however precisely
 * the query names them, and are refused (403) when they name domain A's {@code domain_id}.
 */
class DomainIsolationTest extends SecurityIntegrationTest {

    private Target a;
    private Target b;

    @BeforeEach
    void createASupervisorWithAnInstallationInEachDomain() {
        a = target(newDomain());
        b = target(newDomain());
    }

    @TestFactory
    Stream<DynamicTest> anotherDomainsSupervisorIsNotFoundByItsId() {
        String id = a.supervisorId();
        String sid = "{\"supervisor_id\": \"" + id + "\"}";
        String recover = "{\"supervisor_id\": \"" + id + "\", \"plugin_id\": \"" + a.pluginId() + "\", \"version\": \""
                + VERSION + "\"}";
        String failure = "{\"supervisor_id\": \"" + id + "\", \"plugin_id\": \"" + a.pluginId() + "\", \"version\": \""
                + VERSION + "\"}";
        List<Probe> probes = new ArrayList<>();
        Map<String, String> readers = new LinkedHashMap<>();
        readers.put("DOMAIN_MEMBER", Tokens.member(b.domain()));
        readers.put("DOMAIN_ADMIN", Tokens.admin(b.domain()));
        readers.forEach((role, reader) -> {
            probes.add(new Probe(role, "GET", V1 + "/supervisor/" + id, reader, null));
            probes.add(new Probe(role, "GET", V1 + "/supervisor/" + id + "?only=name", reader, null));
            probes.add(new Probe(role, "POST", V1 + "/supervisor/get", reader, sid));
            probes.add(new Probe(role, "GET", V1 + "/supervisor/" + id + "/plugins", reader, null));
            probes.add(new Probe(role, "POST", V1 + "/supervisor/" + id + "/plugins/search", reader, "{}"));
            probes.add(new Probe(role, "POST", V1 + "/supervisor/list-plugins", reader, sid));
            probes.add(new Probe(
                    role,
                    "PUT",
                    V1 + "/plugin/" + a.pluginId() + "/notify-failure",
                    reader,
                    "{\"supervisor_id\": \"" + id + "\", \"version\": \"" + VERSION + "\"}"));
            probes.add(new Probe(role, "POST", V1 + "/plugin/notify-failure", reader, failure));
        });
        String admin = Tokens.admin(b.domain());
        String w = "DOMAIN_ADMIN";
        probes.add(new Probe(w, "PUT", V1 + "/supervisor/" + id, admin, "{\"name\": \"Hijacked\"}"));
        probes.add(new Probe(w, "POST", V1 + "/supervisor/update", admin, withProperty(sid, "name", "Hijacked")));
        probes.add(new Probe(w, "POST", V1 + "/supervisor/update", admin, withProperty(sid, "reset_secret_key", true)));
        probes.add(new Probe(w, "POST", V1 + "/supervisor/" + id + "/register", admin, "{}"));
        probes.add(new Probe(w, "POST", V1 + "/supervisor/register", admin, sid));
        probes.add(new Probe(w, "PUT", V1 + "/supervisor/" + id + "/enable", admin, null));
        probes.add(new Probe(w, "POST", V1 + "/supervisor/enable", admin, sid));
        probes.add(new Probe(w, "PUT", V1 + "/supervisor/" + id + "/disable", admin, "{}"));
        probes.add(new Probe(w, "POST", V1 + "/supervisor/disable", admin, sid));
        probes.add(new Probe(w, "DELETE", V1 + "/supervisor/" + id + "/register?force=true", admin, null));
        probes.add(new Probe(w, "POST", V1 + "/supervisor/deregister", admin, withProperty(sid, "force", true)));
        probes.add(new Probe(
                w,
                "POST",
                V1 + "/supervisor/" + id + "/plugin/" + a.pluginId() + "/recover",
                admin,
                "{\"version\": \"" + VERSION + "\"}"));
        probes.add(new Probe(w, "POST", V1 + "/supervisor/recover-plugin", admin, recover));
        String system = Tokens.system();
        probes.add(new Probe(
                "SYSTEM in domain B", "GET", V1 + "/supervisor/" + id + "?domain_id=" + b.domain(), system, null));
        probes.add(new Probe(
                "SYSTEM in domain B",
                "POST",
                V1 + "/supervisor/disable",
                system,
                withProperty(sid, "domain_id", b.domain())));
        return probes.stream()
                .map(probe -> DynamicTest.dynamicTest(probe.toString(), () -> {
                    Map<String, List<String>> before = storedState();

                    Response response = probe.send(this);

                    assertProblem(response, 404, "ERROR_NOT_FOUND");
                    // the detail may echo the id asked for, never what is stored about it
                    assertThat(response.body()).doesNotContain(a.domain(), "Guarded");
                    assertThat(storedState()).isEqualTo(before);
                }));
    }

    @Test
    void everyRouteWithASupervisorIdInItsPathIsProbedForIsolation() {
        List<String> probed = List.of(
                "GET /plugin/v1/supervisor/{supervisor_id}",
                "PUT /plugin/v1/supervisor/{supervisor_id}",
                "POST /plugin/v1/supervisor/{supervisor_id}/register",
                "DELETE /plugin/v1/supervisor/{supervisor_id}/register",
                "PUT /plugin/v1/supervisor/{supervisor_id}/enable",
                "PUT /plugin/v1/supervisor/{supervisor_id}/disable",
                "POST /plugin/v1/supervisor/{supervisor_id}/plugin/{plugin_id}/recover",
                "GET /plugin/v1/supervisor/{supervisor_id}/plugins",
                "POST /plugin/v1/supervisor/{supervisor_id}/plugins/search");

        assertThat(routes().stream().map(Route::key).filter(key -> key.contains("{supervisor_id}")))
                .containsExactlyInAnyOrderElementsOf(probed);
    }

    @TestFactory
    Stream<DynamicTest> supervisorListsNeverContainAnotherDomainsSupervisors() {
        String id = quoted(a.supervisorId());
        String host = quoted(a.hostname());
        List<String[]> lists = List.of(
                new String[] {"GET", V1 + "/supervisors?limit=1000", null},
                new String[] {"GET", V1 + "/supervisors?supervisor_id=" + a.supervisorId(), null},
                new String[] {"GET", V1 + "/supervisors?hostname=" + a.hostname(), null},
                new String[] {"GET", V1 + "/supervisors?keyword=" + a.hostname(), null},
                new String[] {"POST", V1 + "/supervisors/search", "{\"supervisor_id\": " + id + "}"},
                new String[] {"POST", V1 + "/supervisor/list", "{\"hostname\": " + host + "}"},
                new String[] {"POST", V1 + "/supervisor/list", query(condition("supervisor_id", id, "eq"))},
                new String[] {
                    "POST", V1 + "/supervisors/search", query(condition("domain_id", quoted(a.domain()), "eq"))
                },
                new String[] {"POST", V1 + "/supervisor/list", query(condition("labels.owner", host, "eq"))},
                new String[] {
                    "POST", V1 + "/supervisors/search", query(condition("hostname", quoted("^host-"), "regex"))
                },
                new String[] {"POST", V1 + "/supervisor/list", "{\"query\": {\"keyword\": " + host + "}}"},
                new String[] {
                    "POST",
                    V1 + "/supervisors/search",
                    "{\"query\": {\"filter_or\": ["
                            + condition("domain_id", quoted(a.domain()), "eq") + ", "
                            + condition("supervisor_id", id, "eq") + "]}}"
                },
                new String[] {"POST", V1 + "/supervisor/list", query(condition("domain_id", quoted(b.domain()), "not"))
                });
        return lists.stream()
                .map(list -> DynamicTest.dynamicTest(list[0] + " " + list[1] + " " + list[2], () -> {
                    Response own = send(list[0], list[1], Tokens.admin(a.domain()), list[2]);
                    assertThat(own.status()).as(own.toString()).isEqualTo(200);
                    assertThat(field(own, "supervisor_id"))
                            .as("domain A's own view")
                            .contains(a.supervisorId());

                    for (String foreign : List.of(Tokens.member(b.domain()), Tokens.admin(b.domain()), b.agent())) {
                        Response response = send(list[0], list[1], foreign, list[2]);
                        assertThat(response.status()).as(response.toString()).isEqualTo(200);
                        assertThat(field(response, "supervisor_id")).doesNotContain(a.supervisorId());
                        assertThat(response.body()).doesNotContain(a.supervisorId(), a.hostname(), a.domain());
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> supervisorStatsNeverCountAnotherDomainsSupervisors() {
        String groupById = "{\"group\": {\"keys\": [{\"key\": \"supervisor_id\", \"name\": \"id\"}],"
                + " \"fields\": [{\"operator\": \"count\", \"name\": \"count\"}]}}";
        List<String> queries = List.of(
                "{\"distinct\": \"supervisor_id\"}",
                "{\"distinct\": \"hostname\"}",
                "{\"distinct\": \"domain_id\"}",
                "{\"distinct\": \"labels.owner\"}",
                "{\"aggregate\": [" + groupById + "]}",
                "{\"aggregate\": [{\"group\": {\"keys\": [{\"key\": \"domain_id\", \"name\": \"domain\"}],"
                        + " \"fields\": [{\"operator\": \"push\", \"key\": \"hostname\", \"name\": \"hosts\"}]}}]}",
                "{\"filter\": [" + condition("supervisor_id", quoted(a.supervisorId()), "eq") + "], \"aggregate\": ["
                        + groupById + "]}",
                "{\"aggregate\": [{\"match\": [" + condition("domain_id", quoted(a.domain()), "eq") + "]}, " + groupById
                        + "]}",
                "{\"aggregate\": [{\"group\": {\"fields\": [{\"operator\": \"add_to_set\", \"key\": \"hostname\","
                        + " \"name\": \"hosts\"}]}}]}");
        List<String[]> stats = new ArrayList<>();
        for (String path : List.of(V1 + "/supervisors/stat", V1 + "/supervisor/stat")) {
            for (String query : queries) {
                stats.add(new String[] {path, "{\"query\": " + query + "}"});
            }
        }
        return stats.stream()
                .map(stat -> DynamicTest.dynamicTest(stat[0] + " " + stat[1], () -> {
                    Response own = send("POST", stat[0], Tokens.admin(a.domain()), stat[1]);
                    assertThat(own.status()).as(own.toString()).isEqualTo(200);
                    assertThat(own.body())
                            .as("domain A's own view")
                            .containsAnyOf(a.supervisorId(), a.hostname(), a.domain());

                    for (String foreign : List.of(Tokens.member(b.domain()), Tokens.admin(b.domain()), b.agent())) {
                        Response response = send("POST", stat[0], foreign, stat[1]);
                        assertThat(response.status()).as(response.toString()).isEqualTo(200);
                        assertThat(response.body()).doesNotContain(a.supervisorId(), a.hostname(), a.domain());
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> listPluginsNeverContainsAnotherDomainsInstallations() {
        List<String[]> lists = List.of(
                new String[] {"POST", V1 + "/supervisor/list-plugins", "{}"},
                new String[] {"POST", V1 + "/supervisor/list-plugins", "{\"plugin_id\": " + quoted(a.pluginId()) + "}"},
                new String[] {
                    "POST",
                    V1 + "/supervisor/list-plugins",
                    query(condition("supervisor_id", quoted(a.supervisorId()), "eq"))
                },
                new String[] {
                    "POST", V1 + "/supervisor/list-plugins", query(condition("domain_id", quoted(a.domain()), "eq"))
                },
                new String[] {
                    "POST", V1 + "/supervisor/list-plugins", "{\"query\": {\"keyword\": " + quoted(a.pluginId()) + "}}"
                },
                new String[] {
                    "POST", V1 + "/supervisor/list-plugins", query(condition("plugin_id", quoted("^plugin-"), "regex"))
                });
        return lists.stream()
                .map(list -> DynamicTest.dynamicTest(list[1] + " " + list[2], () -> {
                    Response own = send(list[0], list[1], Tokens.admin(a.domain()), list[2]);
                    assertThat(own.status()).as(own.toString()).isEqualTo(200);
                    assertThat(field(own, "plugin_id"))
                            .as("domain A's own view")
                            .contains(a.pluginId());

                    for (String foreign : List.of(Tokens.member(b.domain()), Tokens.admin(b.domain()), b.agent())) {
                        Response response = send(list[0], list[1], foreign, list[2]);
                        assertThat(response.status()).as(response.toString()).isEqualTo(200);
                        assertThat(field(response, "plugin_id")).doesNotContain(a.pluginId());
                        assertThat(response.body()).doesNotContain(a.pluginId(), a.supervisorId(), a.domain());
                    }
                }));
    }

    @Test
    void aSupervisorTokenOfAnotherDomainWithTheSameHostnameSeesNothingOfDomainA() {
        String twin = Tokens.supervisor(b.domain(), a.hostname());

        Response get = api.get(V1 + "/supervisor/" + a.supervisorId(), twin);
        Response plugins = api.post(V1 + "/supervisor/list-plugins", twin, "{}");
        Response list = api.get(V1 + "/supervisors", twin);

        assertProblem(get, 404, "ERROR_NOT_FOUND");
        assertThat(plugins.status()).isBetween(400, 499);
        assertThat(plugins.body()).doesNotContain(a.pluginId());
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(a.supervisorId());
    }

    @TestFactory
    Stream<DynamicTest> aTokenNamingAnotherDomainIsForbiddenOnEveryDomainScopedRoute() {
        List<Route> scoped = routes().stream().filter(Route::domainScoped).toList();
        assertThat(scoped.stream().map(Route::key)).containsExactlyInAnyOrderElementsOf(ApplicationRoutes.SPEC_ROUTES);
        return scoped.stream()
                .map(route -> DynamicTest.dynamicTest(route.key(), () -> {
                    String token = leastPrivilegedToken(route, b);
                    String path = samplePath(route, b);
                    String body = sampleBody(route, b);
                    Map<String, List<String>> before = storedState();

                    Response response = body == null
                            ? send(route.method(), withParameter(path, "domain_id", a.domain()), token, null)
                            : send(route.method(), path, token, withProperty(body, "domain_id", a.domain()));

                    assertProblem(response, 403, "ERROR_PERMISSION_DENIED");
                    assertThat(storedState()).isEqualTo(before);
                }));
    }

    @TestFactory
    Stream<DynamicTest> aSystemTokenWithoutADomainIsAskedForOneOnEveryDomainScopedRoute() {
        List<Route> scoped = routes().stream().filter(Route::domainScoped).toList();
        return scoped.stream()
                .map(route -> DynamicTest.dynamicTest(route.key(), () -> {
                    Map<String, List<String>> before = storedState();

                    Response response =
                            send(route.method(), samplePath(route, a), Tokens.system(), sampleBody(route, a));

                    assertProblem(response, 400, "ERROR_REQUIRED_PARAMETER");
                    assertThat(response.json().path("detail").asString()).contains("domain_id");
                    assertThat(storedState()).isEqualTo(before);
                }));
    }

    /** A token of the weakest role the route allows, so that only the domain can be the reason for a refusal. */
    private static String leastPrivilegedToken(Route route, Target target) {
        if (!route.deniedTo(Role.DOMAIN_MEMBER)) {
            return Tokens.member(target.domain());
        }
        if (!route.deniedTo(Role.SUPERVISOR)) {
            return target.agent();
        }
        assertThat(route.deniedTo(Role.DOMAIN_ADMIN)).as(route.key()).isFalse();
        return Tokens.admin(target.domain());
    }

    private static String query(String filter) {
        return "{\"query\": {\"filter\": [" + filter + "], \"page\": {\"limit\": 1000}}}";
    }

    private static String condition(String key, String value, String operator) {
        return "{\"k\": " + quoted(key) + ", \"v\": " + value + ", \"o\": " + quoted(operator) + "}";
    }

    /** One request, and who sends it (for its name). */
    private record Probe(String who, String method, String path, String token, String body) {

        Response send(SecurityIntegrationTest test) {
            return test.send(method, path, token, body);
        }

        @Override
        public String toString() {
            return method + " " + path + (body == null ? "" : " " + body) + " as " + who;
        }
    }
}
