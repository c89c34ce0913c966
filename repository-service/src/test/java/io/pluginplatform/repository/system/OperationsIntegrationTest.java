package io.pluginplatform.repository.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.testsupport.Api.Response;
import io.pluginplatform.common.testsupport.Tokens;
import io.pluginplatform.repository.testsupport.IntegrationTest;
import io.pluginplatform.repository.testsupport.RouteTable;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** What an operator relies on around the API: health, metrics, the OpenAPI document, CORS and request ids. */
@TestPropertySource(properties = "platform.security.cors-allowed-origins=https://console.example.org")
class OperationsIntegrationTest extends IntegrationTest {

    private static final String CONSOLE = "https://console.example.org";

    @ParameterizedTest
    @CsvSource({"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void healthGroupsAnswerUpWithoutAToken(String path) {
        Response health = api.get(path, null);

        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAreServedWithoutAToken() {
        api.get("/repository/v1/repositories", Tokens.admin(Tokens.DOMAIN_A));

        Response metrics = api.get("/actuator/prometheus", null);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("http_server_requests_seconds_count");
    }

    @Test
    void theOpenApiDocumentDescribesBothRouteStylesOfEveryMethod() {
        Response docs = api.get("/v3/api-docs", null);

        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        JsonNode paths = docs.json().path("paths");
        assertThat(RouteTable.ROUTES).allSatisfy(route -> {
            String[] methodAndPath = route.split(" ");
            assertThat(paths.path(methodAndPath[1]).has(methodAndPath[0].toLowerCase(Locale.ROOT)))
                    .as("%s is documented", route)
                    .isTrue();
        });
        assertThat(docs.json().path("components").path("securitySchemes").has("bearer"))
                .isTrue();
    }

    @Test
    void swaggerUiIsServedWithoutAToken() {
        Response ui = api.get("/swagger-ui/index.html", null);

        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body().toLowerCase(Locale.ROOT)).contains("swagger");
    }

    @Test
    void aConfiguredConsoleOriginPassesTheCorsPreflight() {
        Response preflight = preflight(CONSOLE);

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(CONSOLE);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
    }

    @Test
    void anotherOriginFailsTheCorsPreflight() {
        Response preflight = preflight("https://evil.example.com");

        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void aCallersRequestIdIsEchoedAndNamedInErrors() {
        Response response = api.send(
                "GET",
                "/repository/v1/plugins/plugin-nowhere",
                Tokens.admin(Tokens.DOMAIN_A),
                null,
                null,
                "X-Request-Id",
                "trace-42");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("X-Request-Id")).isEqualTo("trace-42");
        assertThat(response.json().path("request_id").asString()).isEqualTo("trace-42");
    }

    @Test
    void anUnsafeRequestIdIsReplacedByANewOne() {
        Response response = api.send(
                "GET",
                "/repository/v1/repositories",
                Tokens.admin(Tokens.DOMAIN_A),
                null,
                null,
                "X-Request-Id",
                "a<script>");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Request-Id")).matches("[0-9a-f]{32}");
    }

    private Response preflight(String origin) {
        return api.send(
                "OPTIONS",
                "/repository/v1/plugin/list",
                null,
                null,
                null,
                "Origin",
                origin,
                "Access-Control-Request-Method",
                "POST",
                "Access-Control-Request-Headers",
                "authorization,content-type");
    }
}
