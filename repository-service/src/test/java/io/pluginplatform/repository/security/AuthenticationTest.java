package io.pluginplatform.repository.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.pluginplatform.common.testsupport.Api.Response;
import io.pluginplatform.common.testsupport.Call;
import io.pluginplatform.common.testsupport.Route;
import io.pluginplatform.common.testsupport.Tokens;
import io.pluginplatform.repository.testsupport.RouteTable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * S1: every application route, enumerated from the handler mappings, answers 401 {@code ERROR_AUTHENTICATE_FAILURE}
 * to a caller without a valid token; the public routes answer without one.
 */
class AuthenticationTest extends SecurityIntegrationTest {

    private static final Map<String, String> SAMPLES =
            Map.of("plugin_id", "plugin-slack-noti-protocol", "repository_id", "repo-local");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void theHandlerMappingsEnumerateEveryRouteOfTheSpec() {
        List<String> keys = routes().stream().map(Route::key).toList();

        assertThat(keys).hasSizeGreaterThanOrEqualTo(RouteTable.ROUTES.size()).containsAll(RouteTable.ROUTES);
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
    Stream<DynamicTest> everyRouteRefusesAnUnsignedToken() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("forger")
                .claim("rol", "SYSTEM")
                .expirationTime(Date.from(Instant.now().plus(HOUR)))
                .build();
        return everyRouteRefuses("Bearer " + new PlainJWT(claims).serialize());
    }

    @TestFactory
    Stream<DynamicTest> everyRouteRefusesATokenWithAnUnknownRole() {
        return everyRouteRefuses("Bearer " + Tokens.mint("ROOT", Tokens.DOMAIN_A, null, HOUR, Tokens.SECRET));
    }

    @TestFactory
    Stream<DynamicTest> everyRouteRefusesADomainTokenWithoutADomain() {
        return everyRouteRefuses("Bearer " + Tokens.mint("DOMAIN_ADMIN", null, null, HOUR, Tokens.SECRET));
    }

    @TestFactory
    Stream<DynamicTest> everyRouteRefusesBasicCredentials() {
        String credentials = Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        return everyRouteRefuses("Basic " + credentials);
    }

    @Test
    void anUnknownPathAsksForATokenBeforeTellingItDoesNotExist() {
        Response response = call("GET", "/repository/v1/no-such-route").send();

        assertProblem(response, 401, "ERROR_AUTHENTICATE_FAILURE");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/actuator/health",
                "/actuator/health/liveness",
                "/actuator/health/readiness",
                "/actuator/prometheus",
                "/v3/api-docs"
            })
    void publicRoutesAnswerWithoutAToken(String path) {
        Response response = call("GET", path).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** One test per route: the call with this {@code Authorization} header (none when null) is a 401 problem. */
    private Stream<DynamicTest> everyRouteRefuses(String authorization) {
        List<Route> routes = routes();
        assertThat(routes).hasSizeGreaterThanOrEqualTo(RouteTable.ROUTES.size());
        return routes.stream()
                .map(route -> DynamicTest.dynamicTest(route.key(), () -> {
                    Call call = call(route.method(), route.path(SAMPLES));
                    if (authorization != null) {
                        call.header("Authorization", authorization);
                    }
                    Response response =
                            call.json(route.takesBody() ? "{}" : null).send();

                    assertProblem(response, 401, "ERROR_AUTHENTICATE_FAILURE");
                }));
    }
}
