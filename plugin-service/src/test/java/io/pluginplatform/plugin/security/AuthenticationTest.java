package io.pluginplatform.plugin.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.testsupport.Api.Response;
import io.pluginplatform.common.testsupport.Call;
import io.pluginplatform.common.testsupport.Route;
import io.pluginplatform.common.testsupport.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * S1: every application route, enumerated from the handler mappings (the {@code @PublicRoute} JWK set left out),
 * answers 401 {@code ERROR_AUTHENTICATE_FAILURE} to a caller without a valid token, and writes nothing; the public
 * routes answer without one.
 */
class AuthenticationTest extends SecurityIntegrationTest {

    private static final Map<String, String> SAMPLES =
            Map.of("plugin_id", "plugin-sample", "supervisor_id", "supervisor-0123456789ab");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void theHandlerMappingsEnumerateEveryRouteOfTheSpec() {
        List<String> keys = routes().stream().map(Route::key).toList();

        assertThat(ApplicationRoutes.SPEC_ROUTES).hasSize(29).doesNotHaveDuplicates();
        assertThat(keys)
                .hasSizeGreaterThanOrEqualTo(ApplicationRoutes.SPEC_ROUTES.size())
                .containsAll(ApplicationRoutes.SPEC_ROUTES)
                .doesNotContainAnyElementsOf(ApplicationRoutes.PUBLIC_ROUTES);
        assertThat(ApplicationRoutes.publicRoutes(context).stream().map(Route::key))
                .containsExactlyElementsOf(ApplicationRoutes.PUBLIC_ROUTES);
    }

    @TestFactory
    Stream<DynamicTest> everyRouteRefusesARequestWithoutAToken() {
        return everyRouteRefuses(null);
    }

    @TestFactory
    Stream<DynamicTest> everyRouteRefusesABadlySignedToken() {
        return everyRouteRefuses("Bearer " + Tokens.badlySigned(Tokens.DOMAIN_A));
    }

    @TestFactory
    Stream<DynamicTest> everyRouteRefusesAnExpiredToken() {
        return everyRouteRefuses("Bearer " + Tokens.expired(Tokens.DOMAIN_A));
    }

    @TestFactory
    Stream<DynamicTest> everyRouteRefusesAMalformedToken() {
        return everyRouteRefuses("Bearer abc");
    }

    @TestFactory
    Stream<DynamicTest> everyRouteRefusesASupervisorTokenWithoutHostname() {
        return everyRouteRefuses("Bearer " + Tokens.mint("SUPERVISOR", Tokens.DOMAIN_A, null, HOUR, Tokens.SECRET));
    }

    @TestFactory
    Stream<DynamicTest> everyRouteRefusesABadlySignedSystemToken() {
        return everyRouteRefuses("Bearer " + Tokens.mint("SYSTEM", null, null, HOUR, Tokens.SECRET + "-forged"));
    }

    @Test
    void anUnknownPathAsksForATokenBeforeTellingItDoesNotExist() {
        Response response = call("GET", V1 + "/no-such-route").send();

        assertProblem(response, 401, "ERROR_AUTHENTICATE_FAILURE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/plugin/v1/jwks.json", "/actuator/health", "/v3/api-docs"})
    void publicRoutesAnswerWithoutAToken(String path) {
        Response response = call("GET", path).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** One test per route: the call with this {@code Authorization} header (none when null) is a 401 problem. */
    private Stream<DynamicTest> everyRouteRefuses(String authorization) {
        List<Route> routes = routes();
        assertThat(routes.stream().map(Route::key)).containsAll(ApplicationRoutes.SPEC_ROUTES);
        return routes.stream()
                .map(route -> DynamicTest.dynamicTest(route.key(), () -> {
                    Map<String, List<String>> before = storedState();
                    Call call = call(route.method(), route.path(SAMPLES));
                    if (authorization != null) {
                        call.header("Authorization", authorization);
                    }
                    Response response =
                            call.json(route.takesBody() ? "{}" : null).send();

                    assertProblem(response, 401, "ERROR_AUTHENTICATE_FAILURE");
                    assertThat(storedState()).isEqualTo(before);
                }));
    }
}
