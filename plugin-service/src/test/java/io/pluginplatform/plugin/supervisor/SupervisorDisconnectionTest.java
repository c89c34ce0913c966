package io.pluginplatform.plugin.supervisor;

import static io.pluginplatform.plugin.supervisor.SupervisorCalls.assertProblem;
import static io.pluginplatform.plugin.supervisor.SupervisorCalls.field;
import static io.pluginplatform.plugin.supervisor.SupervisorCalls.json;
import static io.pluginplatform.plugin.supervisor.SupervisorCalls.newHostname;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pluginplatform.common.testsupport.Api.Response;
import io.pluginplatform.plugin.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A supervisor whose agent stops publishing is shown {@code DISCONNECTED}; its administrative state survives and comes
 * back with the next publish. The service here considers a supervisor gone after two seconds of silence.
 */
@TestPropertySource(
        properties = {"platform.supervisor.disconnect-after=2s", "platform.supervisor.disconnect-job-period=200ms"})
class SupervisorDisconnectionTest extends IntegrationTest {

    private SupervisorCalls supervisors;

    @BeforeEach
    void newDomain() {
        supervisors = new SupervisorCalls(api);
    }

    @Test
    void aSupervisorThatStopsPublishingIsShownDisconnectedUntilItPublishesAgain() {
        String hostname = newHostname();
        String id = supervisors.registered(hostname);

        awaitDisconnected(id);

        // filters and stats read the stored state, which the periodic job keeps current with a little lag
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    Response get = api.get("/plugin/v1/supervisors?state=DISCONNECTED", supervisors.admin());
                    Response search = api.post(
                            "/plugin/v1/supervisors/search", supervisors.admin(), json("state", "DISCONNECTED"));
                    for (Response response : List.of(get, search)) {
                        assertThat(response.status()).as(response.toString()).isEqualTo(200);
                        assertThat(field(response, "supervisor_id"))
                                .as(response.toString())
                                .containsExactly(id);
                        assertThat(field(response, "state")).containsOnly("DISCONNECTED");
                    }
                    Response stat = api.post(
                            "/plugin/v1/supervisor/stat", supervisors.admin(), SupervisorQueryTest.countByState());
                    assertThat(stat.status()).as(stat.toString()).isEqualTo(200);
                    assertThat(SupervisorQueryTest.countsByState(stat))
                            .as(stat.toString())
                            .isEqualTo(Map.of("DISCONNECTED", 1));
                });

        Response published = supervisors.publish(hostname);

        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().path("supervisor_id").asString()).isEqualTo(id);
        assertThat(published.json().path("state").asString()).isEqualTo("ENABLED");
        assertThat(supervisors.state(id)).isEqualTo("ENABLED");
        Response enabled = api.get("/plugin/v1/supervisors?state=ENABLED", supervisors.admin());
        assertThat(field(enabled, "supervisor_id")).contains(id);
    }

    @Test
    void aSupervisorThatKeepsPublishingStaysConnected() {
        String hostname = newHostname();
        String id = supervisors.registered(hostname);

        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(6))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> supervisors.publish(hostname).status() == 200 && "ENABLED".equals(supervisors.state(id)));
    }

    @Test
    void disableAndEnableChangeTheAdministrativeStateWhileDisconnected() {
        String hostname = newHostname();
        String id = supervisors.registered(hostname);
        awaitDisconnected(id);

        Response disabled = api.put("/plugin/v1/supervisor/" + id + "/disable", supervisors.admin(), null);
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        Response back = supervisors.publish(hostname);
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(back.json().path("state").asString()).isEqualTo("DISABLED");
        assertThat(supervisors.state(id)).isEqualTo("DISABLED");

        awaitDisconnected(id);
        Response enabled = supervisors.verb("enable", supervisors.admin(), id);
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        Response again = supervisors.publish(hostname);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("state").asString()).isEqualTo("ENABLED");
        assertThat(supervisors.state(id)).isEqualTo("ENABLED");
    }

    @Test
    void aPendingSupervisorStaysPendingAdministrativelyWhileDisconnected() {
        String hostname = newHostname();
        String id = supervisors.created(hostname);
        awaitDisconnected(id);

        assertProblem(supervisors.verb("enable", supervisors.admin(), id), 409, "ERROR_SUPERVISOR_STATE");
        Response registered = supervisors.register(id, "name", "Registered while away");
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);

        Response back = supervisors.publish(hostname);
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(back.json().path("state").asString()).isEqualTo("ENABLED");
        assertThat(back.json().path("name").asString()).isEqualTo("Registered while away");
    }

    private void awaitDisconnected(String id) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(supervisors.state(id)).isEqualTo("DISCONNECTED"));
    }
}
