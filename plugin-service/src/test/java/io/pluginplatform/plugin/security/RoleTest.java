package io.pluginplatform.plugin.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.auth.Role;
import io.pluginplatform.common.testsupport.Api.Response;
import io.pluginplatform.common.testsupport.Route;
import io.pluginplatform.common.testsupport.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * S3: every route the role table (api-conventions.md §5) denies to a role answers 403 {@code ERROR_PERMISSION_DENIED}
 * to a token of that role, in the token's own domain and on real targets, and writes nothing. The denied routes come
 * from the handler mappings, their {@code @RequiresPermission} and {@code Permission.grantedTo}, checked against the
 * table written out in {@link ApplicationRoutes}. A SUPERVISOR token is refused another hostname's publish and reads of
 * another supervisor; only SYSTEM makes a supervisor public.
 */
class RoleTest extends SecurityIntegrationTest {

    private String domain;
    /** Registered (ENABLED) with an ACTIVE installation: the target of every route but register. */
    private Target enabled;
    /** Published only (PENDING): the target of register. */
    private Target pending;

    @BeforeEach
    void createTargets() {
        domain = newDomain();
        enabled = target(domain);
        String hostname = newHostname();
        pending = new Target(domain, hostname, published(domain, hostname), enabled.pluginId());
    }

    @Test
    void everyRouteDeclaresThePermissionItNeeds() {
        assertThat(routes())
                .hasSizeGreaterThanOrEqualTo(ApplicationRoutes.SPEC_ROUTES.size())
                .allSatisfy(
                        route -> assertThat(route.permission()).as(route.key()).isNotNull());
    }

    @Test
    void thePermissionsOfTheRoutesMatchTheRoleTable() {
        List<String> deniedToMembers = new ArrayList<>(ApplicationRoutes.SUPERVISOR_ADMIN_ROUTES);
        deniedToMembers.addAll(ApplicationRoutes.PUBLISH_ROUTES);
        List<String> deniedToSupervisors = new ArrayList<>(ApplicationRoutes.SUPERVISOR_ADMIN_ROUTES);
        deniedToSupervisors.addAll(ApplicationRoutes.ENDPOINT_ROUTES);

        assertThat(deniedTo(Role.DOMAIN_MEMBER)).containsExactlyInAnyOrderElementsOf(deniedToMembers);
        assertThat(deniedTo(Role.SUPERVISOR)).containsExactlyInAnyOrderElementsOf(deniedToSupervisors);
        assertThat(deniedTo(Role.DOMAIN_ADMIN)).containsExactlyInAnyOrderElementsOf(ApplicationRoutes.PUBLISH_ROUTES);
        assertThat(deniedTo(Role.SYSTEM)).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyRouteDeniedToADomainMemberRefusesOne() {
        return refused(Role.DOMAIN_MEMBER, target -> Tokens.member(domain));
    }

    @TestFactory
    Stream<DynamicTest> everyRouteDeniedToASupervisorRefusesOne() {
        return refused(Role.SUPERVISOR, Target::agent);
    }

    @TestFactory
    Stream<DynamicTest> everyRouteDeniedToADomainAdminRefusesOne() {
        return refused(Role.DOMAIN_ADMIN, target -> Tokens.admin(domain));
    }

    @TestFactory
    Stream<DynamicTest> aSupervisorTokenPublishesOnlyAsItsOwnHostname() {
        String other = Tokens.supervisor(domain, newHostname());
        return Stream.of(
                        new String[] {"an existing supervisor's hostname", enabled.hostname()},
                        new String[] {"a new hostname", newHostname()})
                .flatMap(named -> ApplicationRoutes.PUBLISH_ROUTES.stream()
                        .map(key -> DynamicTest.dynamicTest(key + " as " + named[0], () -> {
                            Map<String, List<String>> before = storedState();

                            Response response =
                                    send("POST", path(key), other, publishBody(named[1], secretOf(named[1])));

                            assertProblem(response, 403, "ERROR_PERMISSION_DENIED");
                            assertThat(storedState()).isEqualTo(before);
                        })));
    }

    @TestFactory
    Stream<DynamicTest> aSupervisorTokenReadsOnlyItsOwnSupervisor() {
        String agent = pending.agent();
        String id = enabled.supervisorId();
        Map<String, String[]> reads = new java.util.LinkedHashMap<>();
        reads.put("get (resource style)", new String[] {"GET", V1 + "/supervisor/" + id, null});
        reads.put(
                "get (verb style)",
                new String[] {"POST", V1 + "/supervisor/get", "{\"supervisor_id\": \"" + id + "\"}"});
        reads.put("list_plugins (resource style)", new String[] {"GET", V1 + "/supervisor/" + id + "/plugins", null});
        reads.put("list_plugins (search)", new String[] {"POST", V1 + "/supervisor/" + id + "/plugins/search", "{}"});
        reads.put(
                "list_plugins (verb style)",
                new String[] {"POST", V1 + "/supervisor/list-plugins", "{\"supervisor_id\": \"" + id + "\"}"});
        return reads.entrySet().stream()
                .map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
                    String[] request = entry.getValue();
                    Response response = send(request[0], request[1], agent, request[2]);

                    assertProblem(response, 403, "ERROR_PERMISSION_DENIED");
                    assertThat(response.body()).doesNotContain(enabled.pluginId(), enabled.hostname());
                }));
    }

    @Test
    void aSupervisorTokenListsOnlyItsOwnSupervisor() {
        Response list = api.get(V1 + "/supervisors", pending.agent());
        Response search = api.post(V1 + "/supervisor/list", pending.agent(), "{}");

        for (Response response : List.of(list, search)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(field(response, "supervisor_id")).containsExactly(pending.supervisorId());
        }
    }

    @TestFactory
    Stream<DynamicTest> onlySystemMakesASupervisorPublic() {
        String admin = Tokens.admin(domain);
        String id = enabled.supervisorId();
        String register = pending.supervisorId();
        List<String[]> requests = List.of(
                new String[] {
                    "register (resource style) by DOMAIN_ADMIN",
                    "POST",
                    V1 + "/supervisor/" + register + "/register",
                    admin,
                    "{\"is_public\": true}"
                },
                new String[] {
                    "register (verb style) by DOMAIN_ADMIN",
                    "POST",
                    V1 + "/supervisor/register",
                    admin,
                    "{\"supervisor_id\": \"" + register + "\", \"is_public\": true}"
                },
                new String[] {
                    "update (resource style) by DOMAIN_ADMIN",
                    "PUT",
                    V1 + "/supervisor/" + id,
                    admin,
                    "{\"is_public\": true}"
                },
                new String[] {
                    "update (verb style) by DOMAIN_ADMIN",
                    "POST",
                    V1 + "/supervisor/update",
                    admin,
                    "{\"supervisor_id\": \"" + id + "\", \"is_public\": true}"
                },
                new String[] {
                    "update to false by DOMAIN_ADMIN",
                    "POST",
                    V1 + "/supervisor/update",
                    admin,
                    "{\"supervisor_id\": \"" + id + "\", \"is_public\": false}"
                },
                new String[] {
                    "publish (resource style) by DOMAIN_ADMIN",
                    "POST",
                    V1 + "/supervisors",
                    admin,
                    withProperty(publishBody(enabled.hostname(), secretOf(enabled.hostname())), "is_public", true)
                },
                new String[] {
                    "publish (verb style) by its SUPERVISOR",
                    "POST",
                    V1 + "/supervisor/publish",
                    enabled.agent(),
                    withProperty(publishBody(enabled.hostname(), secretOf(enabled.hostname())), "is_public", true)
                },
                new String[] {
                    "first publish by its SUPERVISOR",
                    "POST",
                    V1 + "/supervisors",
                    Tokens.supervisor(domain, "host-public-" + id.substring(11)),
                    withProperty(publishBody("host-public-" + id.substring(11), "secret-public"), "is_public", true)
                });
        return requests.stream()
                .map(request -> DynamicTest.dynamicTest(request[0], () -> {
                    Map<String, List<String>> before = storedState();

                    Response response = send(request[1], request[2], request[3], request[4]);

                    assertProblem(response, 403, "ERROR_PERMISSION_DENIED");
                    assertThat(storedState()).isEqualTo(before);
                }));
    }

    @Test
    void theRolesTheTableAllowsAreServedOnTheSameTargets() {
        Response disable =
                api.put(V1 + "/supervisor/" + enabled.supervisorId() + "/disable", Tokens.admin(domain), null);
        Response read = api.get(V1 + "/supervisor/" + enabled.supervisorId(), enabled.agent());
        Response plugins = api.get(V1 + "/supervisor/" + enabled.supervisorId() + "/plugins", Tokens.member(domain));
        Response publish = api.post(
                V1 + "/supervisor/publish",
                enabled.agent(),
                publishBody(enabled.hostname(), secretOf(enabled.hostname())));
        Response makePublic =
                api.post(V1 + "/supervisor/update", Tokens.system(), """
                {"supervisor_id": "%s", "domain_id": "%s", "is_public": true}
                """.formatted(pending.supervisorId(), domain));

        for (Response response : List.of(disable, read, plugins, publish, makePublic)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
        }
        assertThat(read.json().path("state").asString()).isEqualTo("DISABLED");
        assertThat(field(plugins, "plugin_id")).containsExactly(enabled.pluginId());
        assertThat(makePublic.json().path("is_public").asBoolean()).isTrue();
    }

    private List<String> deniedTo(Role role) {
        return routes().stream()
                .filter(route -> route.deniedTo(role))
                .map(Route::key)
                .toList();
    }

    /** One test per route the table denies to {@code role}: 403 with a request that would otherwise have worked. */
    private Stream<DynamicTest> refused(Role role, java.util.function.Function<Target, String> token) {
        List<Route> denied =
                routes().stream().filter(route -> route.deniedTo(role)).toList();
        assertThat(denied).isNotEmpty();
        return denied.stream()
                .map(route -> DynamicTest.dynamicTest(route.key(), () -> {
                    Target target = route.pattern().contains("register")
                                    && !route.method().equals("DELETE")
                                    && !route.pattern().contains("deregister")
                            ? pending
                            : enabled;
                    Map<String, List<String>> before = storedState();

                    Response response = send(
                            route.method(), samplePath(route, target), token.apply(target), sampleBody(route, target));

                    assertProblem(response, 403, "ERROR_PERMISSION_DENIED");
                    assertThat(storedState()).isEqualTo(before);
                }));
    }

    private static String path(String routeKey) {
        return routeKey.substring(routeKey.indexOf(' ') + 1);
    }
}
