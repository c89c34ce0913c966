package io.pluginplatform.repository.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.auth.Role;
import io.pluginplatform.common.testsupport.Api.Response;
import io.pluginplatform.common.testsupport.Call;
import io.pluginplatform.common.testsupport.Route;
import io.pluginplatform.common.testsupport.Tokens;
import io.pluginplatform.repository.testsupport.RouteTable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * S2: a domain sees only its own local plugins. Domain B's tokens get 404 for domain A's plugin ids, never find them
 * in a list or a stat however precisely the query names them, and are refused (403) when they name domain A. SYSTEM
 * works in the domain it names, and must name one.
 */
class DomainIsolationTest extends SecurityIntegrationTest {

    private static final String V1 = "/repository/v1";

    private String domainA;
    private String domainB;
    private String pluginA;
    private String pluginB;

    @BeforeEach
    void registerAPluginInEachDomain() {
        domainA = newDomain();
        domainB = newDomain();
        pluginA = newId("iso");
        pluginB = newId("own");
        registerPlugin(domainA, pluginA);
        registerPlugin(domainB, pluginB);
    }

    @TestFactory
    Stream<DynamicTest> anotherDomainsPluginIsNotFoundByItsId() {
        String memberB = Tokens.member(domainB);
        String adminB = Tokens.admin(domainB);
        String supervisorB = Tokens.supervisor(domainB, "host-b");
        String id = "{\"plugin_id\": \"" + pluginA + "\"}";
        String inLocal = "{\"plugin_id\": \"" + pluginA + "\", \"repository_id\": \"repo-local\"}";
        List<Probe> probes = new ArrayList<>();
        Map<String, String> readers = new LinkedHashMap<>();
        readers.put("DOMAIN_MEMBER", memberB);
        readers.put("DOMAIN_ADMIN", adminB);
        readers.put("SUPERVISOR", supervisorB);
        readers.forEach((role, reader) -> {
            probes.add(new Probe("GET", V1 + "/plugins/" + pluginA, reader, null).by(role));
            probes.add(
                    new Probe("GET", V1 + "/plugins/" + pluginA + "?repository_id=repo-local", reader, null).by(role));
            probes.add(new Probe("POST", V1 + "/plugin/get", reader, id).by(role));
            probes.add(new Probe("POST", V1 + "/plugin/get", reader, inLocal).by(role));
            probes.add(new Probe("GET", V1 + "/plugins/" + pluginA + "/versions", reader, null).by(role));
            probes.add(new Probe("GET", V1 + "/plugins/" + pluginA + "/versions?repository_id=repo-local", reader, null)
                    .by(role));
            probes.add(new Probe("POST", V1 + "/plugin/get-versions", reader, id).by(role));
            probes.add(new Probe("POST", V1 + "/plugin/get-versions", reader, inLocal).by(role));
        });
        String system = Tokens.system();
        List<Probe> writes = List.of(
                new Probe("PUT", V1 + "/plugin/" + pluginA, adminB, "{\"name\": \"Hijacked\"}"),
                new Probe("POST", V1 + "/plugin/update", adminB, withProperty(id, "name", "Hijacked")),
                new Probe("PUT", V1 + "/plugin/" + pluginA + "/enable", adminB, null),
                new Probe("POST", V1 + "/plugin/enable", adminB, id),
                new Probe("PUT", V1 + "/plugin/" + pluginA + "/disable", adminB, "{}"),
                new Probe("POST", V1 + "/plugin/disable", adminB, id),
                new Probe("DELETE", V1 + "/plugin/" + pluginA, adminB, null),
                new Probe("POST", V1 + "/plugin/deregister", adminB, id));
        writes.forEach(probe -> probes.add(probe.by("DOMAIN_ADMIN")));
        List<Probe> systemInB = List.of(
                new Probe("GET", V1 + "/plugins/" + pluginA, system, null).header("X-Domain-Id", domainB),
                new Probe("GET", V1 + "/plugins/" + pluginA + "?domain_id=" + domainB, system, null),
                new Probe("POST", V1 + "/plugin/get", system, withProperty(id, "domain_id", domainB)),
                new Probe("PUT", V1 + "/plugin/" + pluginA + "/disable", system, null).header("X-Domain-Id", domainB),
                new Probe(
                        "POST",
                        V1 + "/plugin/update",
                        system,
                        withProperty(withProperty(id, "name", "Hijacked"), "domain_id", domainB)),
                new Probe("DELETE", V1 + "/plugin/" + pluginA + "?domain_id=" + domainB, system, null));
        systemInB.forEach(probe -> probes.add(probe.by("SYSTEM")));
        return probes.stream()
                .map(probe -> DynamicTest.dynamicTest(probe.toString(), () -> {
                    Map<String, List<Document>> before = storedState();

                    Response response = probe.send(this);

                    assertProblem(response, 404, "ERROR_NOT_FOUND");
                    assertThat(response.body()).doesNotContain(domainA);
                    assertThat(storedState()).isEqualTo(before);
                }));
    }

    @Test
    void everyRouteWithAPluginIdInItsPathIsProbedForIsolation() {
        List<String> probed = List.of(
                "GET /repository/v1/plugins/{plugin_id}",
                "GET /repository/v1/plugins/{plugin_id}/versions",
                "PUT /repository/v1/plugin/{plugin_id}",
                "PUT /repository/v1/plugin/{plugin_id}/enable",
                "PUT /repository/v1/plugin/{plugin_id}/disable",
                "DELETE /repository/v1/plugin/{plugin_id}");

        assertThat(routes().stream().map(Route::key).filter(key -> key.contains("{plugin_id}")))
                .containsExactlyInAnyOrderElementsOf(probed);
    }

    @TestFactory
    Stream<DynamicTest> listsNeverContainAnotherDomainsPlugins() {
        List<Probe> lists = List.of(
                list("GET", "/plugins?limit=1000", null),
                list("GET", "/plugins?plugin_id=" + pluginA, null),
                list("GET", "/plugins?repository_id=repo-local&keyword=" + pluginA, null),
                list("GET", "/plugins?provider=guard-" + pluginA, null),
                list("GET", "/plugins?name=" + encode("Guarded " + pluginA), null),
                list("POST", "/plugins/search", query(condition("plugin_id", quoted(pluginA), "eq"))),
                list("POST", "/plugin/list", inLocal(query(condition("domain_id", quoted(domainA), "eq")))),
                list(
                        "POST",
                        "/plugins/search",
                        "{\"query\": {\"filter_or\": [" + condition("domain_id", quoted(domainA), "eq") + ", "
                                + condition("plugin_id", quoted(pluginA), "eq") + "]}}"),
                list("POST", "/plugin/list", query(condition("tags.owner", quoted(pluginA), "eq"))),
                list(
                        "POST",
                        "/plugins/search",
                        query(condition("labels", "[" + quoted("label-" + pluginA) + "]", "in"))),
                list("POST", "/plugin/list", query(condition("plugin_id", quoted("^" + pluginA + "$"), "regex"))),
                list("POST", "/plugins/search", "{\"query\": {\"keyword\": " + quoted(pluginA) + "}}"),
                list("POST", "/plugin/list", query(condition("domain_id", quoted(domainB), "not"))),
                list("POST", "/plugins/search", inLocal(query(condition("domain_id", "true", "exists")))),
                list("POST", "/plugin/list", "{\"plugin_id\": " + quoted(pluginA) + "}"));
        return lists.stream()
                .map(probe -> DynamicTest.dynamicTest(probe.toString(), () -> {
                    Response own = probe.as(Tokens.admin(domainA)).send(this);
                    assertThat(own.status()).as(own.toString()).isEqualTo(200);
                    assertThat(pluginIds(own)).as("domain A's own view").contains(pluginA);
                    Response system = probe.as(Tokens.system())
                            .header("X-Domain-Id", domainA)
                            .send(this);
                    assertThat(pluginIds(system)).as("SYSTEM in domain A").contains(pluginA);

                    for (Probe foreign : List.of(
                            probe.as(Tokens.member(domainB)),
                            probe.as(Tokens.supervisor(domainB, "host-b")),
                            probe.as(Tokens.system()).header("X-Domain-Id", domainB))) {
                        Response response = foreign.send(this);
                        assertThat(response.status()).as(response.toString()).isEqualTo(200);
                        assertThat(pluginIds(response)).doesNotContain(pluginA);
                        assertThat(response.body()).doesNotContain(pluginA).doesNotContain(domainA);
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> statsNeverCountAnotherDomainsPlugins() {
        String groupByPluginId = "{\"group\": {\"keys\": [{\"key\": \"plugin_id\", \"name\": \"plugin\"}],"
                + " \"fields\": [{\"operator\": \"count\", \"name\": \"count\"}]}}";
        List<String> queries = List.of(
                "{\"distinct\": \"plugin_id\"}",
                "{\"distinct\": \"domain_id\"}",
                "{\"distinct\": \"labels\"}",
                "{\"distinct\": \"tags.owner\"}",
                "{\"aggregate\": [" + groupByPluginId + "]}",
                "{\"aggregate\": [{\"group\": {\"keys\": [{\"key\": \"domain_id\", \"name\": \"domain\"}],"
                        + " \"fields\": [{\"operator\": \"push\", \"key\": \"plugin_id\", \"name\": \"ids\"}]}}]}",
                "{\"filter\": [" + condition("plugin_id", quoted(pluginA), "eq") + "], \"aggregate\": ["
                        + groupByPluginId + "]}",
                "{\"filter_or\": [" + condition("domain_id", quoted(domainA), "eq") + "], \"aggregate\": ["
                        + groupByPluginId + "]}",
                "{\"aggregate\": [{\"match\": [" + condition("domain_id", quoted(domainA), "eq") + "]}, "
                        + groupByPluginId + "]}",
                "{\"aggregate\": [{\"group\": {\"fields\": [{\"operator\": \"add_to_set\", \"key\": \"plugin_id\","
                        + " \"name\": \"ids\"}]}}]}",
                "{\"aggregate\": [{\"unwind\": {\"path\": \"labels\"}}, {\"group\": {\"keys\": [{\"key\":"
                        + " \"labels\", \"name\": \"label\"}]}}]}");
        List<Probe> stats = new ArrayList<>();
        for (String path : List.of("/plugins/stat", "/plugin/stat")) {
            for (String query : queries) {
                stats.add(list("POST", path, "{\"repository_id\": \"repo-local\", \"query\": " + query + "}"));
            }
        }
        return stats.stream()
                .map(probe -> DynamicTest.dynamicTest(probe.toString(), () -> {
                    Response own = probe.as(Tokens.admin(domainA)).send(this);
                    assertThat(own.status()).as(own.toString()).isEqualTo(200);
                    assertThat(own.body()).as("domain A's own view").containsAnyOf(pluginA, domainA);

                    for (Probe foreign : List.of(
                            probe.as(Tokens.member(domainB)),
                            probe.as(Tokens.supervisor(domainB, "host-b")),
                            probe.as(Tokens.system()).header("X-Domain-Id", domainB))) {
                        Response response = foreign.send(this);
                        assertThat(response.status()).as(response.toString()).isEqualTo(200);
                        assertThat(response.body()).doesNotContain(pluginA).doesNotContain(domainA);
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> aTokenNamingAnotherDomainIsForbiddenOnEveryDomainScopedRoute() {
        List<Route> scoped = domainScopedRoutes();
        return scoped.stream()
                .map(route -> DynamicTest.dynamicTest(route.key(), () -> {
                    String token = leastPrivilegedToken(route, domainB);
                    String path = samplePath(route, pluginA, "repo-local");
                    String body = sampleBody(route, pluginA, "repo-local");
                    Probe probe = body == null
                            ? new Probe(route.method(), path + "?domain_id=" + domainA, token, null)
                            : new Probe(route.method(), path, token, withProperty(body, "domain_id", domainA));
                    Map<String, List<Document>> before = storedState();

                    Response response = probe.send(this);

                    assertProblem(response, 403, "ERROR_PERMISSION_DENIED");
                    assertThat(storedState()).isEqualTo(before);
                }));
    }

    @TestFactory
    Stream<DynamicTest> aSystemTokenWithoutADomainIsAskedForOneOnEveryDomainScopedRoute() {
        List<Route> scoped = domainScopedRoutes();
        return scoped.stream()
                .map(route -> DynamicTest.dynamicTest(route.key(), () -> {
                    Map<String, List<Document>> before = storedState();

                    Response response = send(
                            route.method(),
                            samplePath(route, pluginA, "repo-local"),
                            Tokens.system(),
                            sampleBody(route, pluginA, "repo-local"));

                    assertProblem(response, 400, "ERROR_REQUIRED_PARAMETER");
                    assertThat(response.json().path("detail").asString()).contains("domain_id");
                    assertThat(storedState()).isEqualTo(before);
                }));
    }

    @Test
    void aSystemTokenWorksInTheDomainItNames() {
        String system = Tokens.system();

        Response byHeader = call("GET", V1 + "/plugins/" + pluginA)
                .bearer(system)
                .header("X-Domain-Id", domainA)
                .send();
        Response byQuery = send("GET", V1 + "/plugins/" + pluginA + "?domain_id=" + domainA, system, null);
        Response byBody = send(
                "POST",
                V1 + "/plugin/get",
                system,
                "{\"plugin_id\": " + quoted(pluginA) + ", \"domain_id\": " + quoted(domainA) + "}");
        Response disable = call("PUT", V1 + "/plugin/" + pluginA + "/disable")
                .bearer(system)
                .header("X-Domain-Id", domainA)
                .send();

        for (Response response : List.of(byHeader, byQuery, byBody)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("plugin_id").asString()).isEqualTo(pluginA);
            assertThat(response.json().path("domain_id").asString()).isEqualTo(domainA);
        }
        assertThat(disable.status()).as(disable.toString()).isEqualTo(200);
        assertThat(disable.json().path("state").asString()).isEqualTo("DISABLED");
    }

    /** The routes that work in the caller's domain: their handlers take a {@code Caller}. */
    private List<Route> domainScopedRoutes() {
        List<Route> scoped = routes().stream().filter(Route::domainScoped).toList();
        assertThat(scoped.stream().map(Route::key))
                .as("every plugin route is domain-scoped")
                .containsAll(RouteTable.ROUTES.stream()
                        .filter(key -> key.contains("/plugin"))
                        .toList());
        return scoped;
    }

    /** A token of the weakest role the route allows, so that only the domain can be the reason for a refusal. */
    private static String leastPrivilegedToken(Route route, String domain) {
        if (!route.deniedTo(Role.DOMAIN_MEMBER)) {
            return Tokens.member(domain);
        }
        assertThat(route.deniedTo(Role.DOMAIN_ADMIN)).as(route.key()).isFalse();
        return Tokens.admin(domain);
    }

    private static Probe list(String method, String path, String body) {
        return new Probe(method, V1 + path, null, body);
    }

    private static String query(String filter) {
        return "{\"query\": {\"filter\": [" + filter + "], \"page\": {\"limit\": 1000}}}";
    }

    private static String inLocal(String body) {
        return withProperty(body, "repository_id", "repo-local");
    }

    private static String condition(String key, String value, String operator) {
        return "{\"k\": " + quoted(key) + ", \"v\": " + value + ", \"o\": " + quoted(operator) + "}";
    }

    private static String quoted(String text) {
        return JSON.writeValueAsString(text);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** One request: method, path, token, body, optionally one more header, and who sends it (for its name). */
    private record Probe(
            String method, String path, String token, String body, String headerName, String headerValue, String who) {

        Probe(String method, String path, String token, String body) {
            this(method, path, token, body, null, null, null);
        }

        Probe as(String otherToken) {
            return new Probe(method, path, otherToken, body, headerName, headerValue, who);
        }

        Probe header(String name, String value) {
            return new Probe(method, path, token, body, name, value, who);
        }

        Probe by(String role) {
            return new Probe(method, path, token, body, headerName, headerValue, role);
        }

        Response send(SecurityIntegrationTest test) {
            Call call = test.call(method, path).bearer(token).json(body);
            if (headerName != null) {
                call.header(headerName, headerValue);
            }
            return call.send();
        }

        @Override
        public String toString() {
            return method + " " + path + (body == null ? "" : " " + body)
                    + (headerName == null ? "" : " with " + headerName) + (who == null ? "" : " as " + who);
        }
    }
}
