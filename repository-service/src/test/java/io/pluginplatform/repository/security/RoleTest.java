package io.pluginplatform.repository.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.auth.Role;
import io.pluginplatform.common.testsupport.Api.Response;
import io.pluginplatform.common.testsupport.Route;
import io.pluginplatform.common.testsupport.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * S3: every route the role table (api-conventions.md §5) denies to a role answers 403 {@code ERROR_PERMISSION_DENIED}
 * to a token of that role, in the token's own domain and on real targets, and writes nothing. The routes come from
 * the handler mappings and their {@code @RequiresPermission}, checked against the table written out here.
 */
class RoleTest extends SecurityIntegrationTest {

    private String domain;
    private String pluginId;
    private String repositoryId;

    @BeforeEach
    void registerTargets() {
        domain = newDomain();
        pluginId = newId("role");
        registerPlugin(domain, pluginId);
        repositoryId = registerRemoteRepository();
    }

    @AfterEach
    void deregisterTheRemoteRepository() {
        if (repositoryId != null) {
            deregisterRemoteRepository(repositoryId);
        }
    }

    @Test
    void everyRouteDeclaresThePermissionItNeeds() {
        assertThat(routes())
                .isNotEmpty()
                .allSatisfy(
                        route -> assertThat(route.permission()).as(route.key()).isNotNull());
    }

    @Test
    void thePermissionsOfTheRoutesMatchTheRoleTable() {
        List<String> writes = new ArrayList<>(ApplicationRoutes.CATALOGUE_WRITES);
        writes.addAll(ApplicationRoutes.REPOSITORY_WRITES);

        assertThat(deniedTo(Role.DOMAIN_MEMBER)).containsExactlyInAnyOrderElementsOf(writes);
        assertThat(deniedTo(Role.SUPERVISOR)).containsExactlyInAnyOrderElementsOf(writes);
        assertThat(deniedTo(Role.DOMAIN_ADMIN))
                .containsExactlyInAnyOrderElementsOf(ApplicationRoutes.REPOSITORY_WRITES);
        assertThat(deniedTo(Role.SYSTEM)).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyRouteDeniedToADomainMemberRefusesOne() {
        return refused(Role.DOMAIN_MEMBER, Tokens.member(domain));
    }

    @TestFactory
    Stream<DynamicTest> everyRouteDeniedToASupervisorRefusesOne() {
        return refused(Role.SUPERVISOR, Tokens.supervisor(domain, "host-" + pluginId));
    }

    @TestFactory
    Stream<DynamicTest> everyRouteDeniedToADomainAdminRefusesOne() {
        return refused(Role.DOMAIN_ADMIN, Tokens.admin(domain));
    }

    @Test
    void theRolesTheTableAllowsAreServedOnTheSameTargets() {
        Response disable = api.put("/repository/v1/plugin/" + pluginId + "/disable", Tokens.admin(domain), null);
        Response rename = api.put(
                "/repository/v1/repository/" + repositoryId,
                Tokens.system(),
                "{\"name\": \"" + newId("renamed") + "\"}");
        Response read = api.get("/repository/v1/plugins/" + pluginId, Tokens.supervisor(domain, "host-1"));

        assertThat(disable.status()).as(disable.toString()).isEqualTo(200);
        assertThat(rename.status()).as(rename.toString()).isEqualTo(200);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("state").asString()).isEqualTo("DISABLED");
    }

    private List<String> deniedTo(Role role) {
        return routes().stream()
                .filter(route -> route.deniedTo(role))
                .map(Route::key)
                .toList();
    }

    /** One test per route the table denies to {@code role}: 403 with a body that would otherwise have worked. */
    private Stream<DynamicTest> refused(Role role, String token) {
        List<Route> denied =
                routes().stream().filter(route -> route.deniedTo(role)).toList();
        assertThat(denied.stream().map(Route::key)).containsAll(ApplicationRoutes.REPOSITORY_WRITES);
        return denied.stream()
                .map(route -> DynamicTest.dynamicTest(route.key(), () -> {
                    Map<String, List<Document>> before = storedState();

                    Response response = send(
                            route.method(),
                            samplePath(route, pluginId, repositoryId),
                            token,
                            sampleBody(route, pluginId, repositoryId));

                    assertProblem(response, 403, "ERROR_PERMISSION_DENIED");
                    assertThat(storedState()).isEqualTo(before);
                }));
    }
}
