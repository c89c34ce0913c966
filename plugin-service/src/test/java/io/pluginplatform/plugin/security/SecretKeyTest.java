package io.pluginplatform.plugin.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.testsupport.Api.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * S4: a publish for a known hostname with a secret key that does not match is 403 {@code ERROR_PERMISSION_DENIED},
 * and the stored supervisor (compared byte for byte) and its installations stay exactly as they were, however
 * tempting the rest of the heartbeat: plugins reported ACTIVE, a new agent description, a new name.
 */
class SecretKeyTest extends SecurityIntegrationTest {

    private Target target;

    @BeforeEach
    void registerASupervisorWithAProvisioningInstallation() {
        target = target(newDomain());
        install(target.domain(), target.supervisorId(), "plugin-starting-" + target.hostname(), "PROVISIONING", null);
    }

    @TestFactory
    Stream<DynamicTest> aWrongSecretKeyChangesNothing() {
        String right = secretOf(target.hostname());
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        keys.put("another key", "not-the-secret-key");
        keys.put("the key with one character changed", right.substring(0, right.length() - 1) + "X");
        keys.put("the key with a suffix", right + "-and-more");
        keys.put("the key in upper case", right.toUpperCase(java.util.Locale.ROOT));
        keys.put("a prefix of the key", right.substring(0, 8));
        String reported = "[{\"plugin_id\": \"plugin-starting-" + target.hostname() + "\", \"version\": \"" + VERSION
                + "\", \"state\": \"ACTIVE\", \"endpoint\": \"10.9.9.9:1\", \"generation\": 5}, {\"plugin_id\": \""
                + target.pluginId() + "\", \"version\": \"" + VERSION + "\", \"state\": \"ERROR\","
                + " \"last_error\": \"forged\"}]";
        return keys.entrySet().stream()
                .flatMap(key -> ApplicationRoutes.PUBLISH_ROUTES.stream()
                        .map(route -> DynamicTest.dynamicTest(key.getKey() + " on " + route, () -> {
                            String body = publishBody(target.hostname(), key.getValue());
                            body = withProperty(body, "name", "Forged name");
                            body = withProperty(body, "plugin_info", JSON.readTree(reported));
                            assertRefusedAndUnchanged(route.substring(route.indexOf(' ') + 1), body);
                        })));
    }

    @TestFactory
    Stream<DynamicTest> aMissingSecretKeyChangesNothing() {
        String body = publishBody(target.hostname(), "placeholder");
        Map<String, String> bodies = Map.of(
                "no secret_key",
                        JSON.writeValueAsString(((tools.jackson.databind.node.ObjectNode) JSON.readTree(body))
                                .without(List.of("secret_key"))),
                "secret_key null", withProperty(body, "secret_key", null));
        return bodies.entrySet().stream()
                .map(entry -> DynamicTest.dynamicTest(
                        entry.getKey(), () -> assertRefusedAndUnchanged(V1 + "/supervisor/publish", entry.getValue())));
    }

    @Test
    void theRightSecretKeyIsStillAccepted() {
        Response response = api.post(
                V1 + "/supervisors", target.agent(), publishBody(target.hostname(), secretOf(target.hostname())));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("supervisor_id").asString()).isEqualTo(target.supervisorId());
        assertThat(response.body()).doesNotContain(secretOf(target.hostname()), "secret_hash");
    }

    private void assertRefusedAndUnchanged(String path, String body) {
        String supervisor = storedSupervisor(target.supervisorId());
        Map<String, List<String>> before = storedState();

        Response response = api.post(path, target.agent(), body);

        assertProblem(response, 403, "ERROR_PERMISSION_DENIED");
        assertThat(response.body()).doesNotContain(secretOf(target.hostname()), "secret_hash");
        assertThat(storedSupervisor(target.supervisorId())).isEqualTo(supervisor);
        assertThat(storedState()).isEqualTo(before);
    }
}
