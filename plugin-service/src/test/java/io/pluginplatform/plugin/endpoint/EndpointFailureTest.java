package io.pluginplatform.plugin.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pluginplatform.common.testsupport.Api;
import io.pluginplatform.common.testsupport.Tokens;
import io.pluginplatform.plugin.endpoint.RepositoryPlugins.Plugin;
import io.pluginplatform.plugin.endpoint.SimulatedAgent.Behaviour;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What callers get when a plugin does not start or stops working: provisioning errors, timeouts, failure reports and
 * recoveries (plugin-service.md §5 steps 5-7, §6, §4).
 */
class EndpointFailureTest extends BrokerTest {

    @Test
    void aProvisioningErrorFailsTheWaitingCallerWithTheAgentsMessage() {
        SimulatedAgent agent = agent();
        agent.behave(Behaviour.REPORT_ERROR);
        Plugin plugin = plugins.register();

        Api.Response response = endpoint(plugin, "version", "1.0.0");

        assertProblem(response, 502, "ERROR_PLUGIN_PROVISIONING_FAILED");
        assertThat(response.json().path("detail").asString()).contains(SimulatedAgent.PROVISIONING_ERROR);
        assertThat(installation(plugin, "1.0.0", agent).getString("state")).isEqualTo("ERROR");
    }

    @Test
    void afterAProvisioningErrorTheNextCallIsPlacedOnAnotherEligibleSupervisor() {
        SimulatedAgent failing = agent("priority", 90);
        failing.behave(Behaviour.REPORT_ERROR);
        SimulatedAgent other = agent("priority", 10);
        Plugin plugin = plugins.register();
        assertProblem(endpoint(plugin, "version", "1.0.0"), 502, "ERROR_PLUGIN_PROVISIONING_FAILED");

        assertThat(served(plugin, "version", "1.0.0").path("supervisor_id").asString())
                .isEqualTo(other.supervisorId());
    }

    @Test
    void aPluginThatFailedEverywhereItCanRunFailsAtOnce() {
        SimulatedAgent agent = agent();
        agent.behave(Behaviour.REPORT_ERROR);
        Plugin plugin = plugins.register();
        assertProblem(endpoint(plugin, "version", "1.0.0"), 502, "ERROR_PLUGIN_PROVISIONING_FAILED");

        Api.Response again = endpoint(plugin, "version", "1.0.0");

        assertProblem(again, 502, "ERROR_PLUGIN_PROVISIONING_FAILED");
        assertThat(again.json().path("detail").asString()).contains(SimulatedAgent.PROVISIONING_ERROR);
        assertThat(installations(plugin)).isEqualTo(1);
    }

    @Test
    void aCallerThatWaitsLongerThanItsTimeoutGets504AndALaterCallJoinsTheSameInstallation() {
        SimulatedAgent agent = agent();
        agent.behave(Behaviour.NEVER_REPORT);
        Plugin plugin = plugins.register();

        assertProblem(endpoint(plugin, "version", "1.0.0", "timeout_seconds", 1), 504, "ERROR_INSTALL_PLUGIN_TIMEOUT");
        assertProblem(endpoint(plugin, "version", "1.0.0", "timeout_seconds", 1), 504, "ERROR_INSTALL_PLUGIN_TIMEOUT");
        assertThat(installations(plugin)).isEqualTo(1);
        assertThat(installation(plugin, "1.0.0", agent).getString("state")).isEqualTo("PROVISIONING");

        agent.behave(Behaviour.REPORT_ACTIVE);

        assertThat(served(plugin, "version", "1.0.0").path("endpoint").asString())
                .isEqualTo(agent.endpoint());
        assertThat(installations(plugin)).isEqualTo(1);
    }

    @Test
    void threeFailureReportsStartANewGenerationThatTheAgentBringsUp() {
        SimulatedAgent agent = agent();
        Plugin plugin = plugins.register();
        served(plugin, "version", "1.0.0");
        agent.behave(Behaviour.NEVER_REPORT); // holds the new generation back, to see it starting

        for (int report = 0; report < 3; report++) {
            Api.Response response = notifyFailure(plugin, agent.supervisorId(), "1.0.0");
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{}");
        }

        assertThat(installation(plugin, "1.0.0", agent).getString("state")).isEqualTo("RE_PROVISIONING");
        assertThat(generation(installation(plugin, "1.0.0", agent))).isEqualTo(1);
        agent.behave(Behaviour.REPORT_ACTIVE);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () -> assertThat(installation(plugin, "1.0.0", agent).getString("state"))
                                .isEqualTo("ACTIVE"));
        assertThat(generation(installation(plugin, "1.0.0", agent))).isEqualTo(1);
        assertThat(served(plugin, "version", "1.0.0").path("endpoint").asString())
                .isEqualTo(agent.endpoint());
    }

    @Test
    void fewerReportsThanTheThresholdOnlyRecordTheFailure() {
        SimulatedAgent agent = agent();
        Plugin plugin = plugins.register();
        served(plugin, "version", "1.0.0");

        notifyFailure(plugin, agent.supervisorId(), "1.0.0");
        notifyFailure(plugin, agent.supervisorId(), "1.0.0");

        assertThat(installation(plugin, "1.0.0", agent).getString("state")).isEqualTo("ACTIVE");
        assertThat(installation(plugin, "1.0.0", agent).get("failure_count")).isEqualTo(2);
    }

    @Test
    void aFailureReportOnAnUnknownInstallationIsNotFound() {
        SimulatedAgent agent = agent();
        Plugin plugin = plugins.register();

        assertProblem(notifyFailure(plugin, agent.supervisorId(), "1.0.0"), 404, "ERROR_NOT_FOUND");
        served(plugin, "version", "1.0.0");
        assertProblem(notifyFailure(plugin, agent.supervisorId(), "1.1.0"), 404, "ERROR_NOT_FOUND");
    }

    @Test
    void failingAgainSoonAfterARecoveryPutsItInErrorAndTheNextCallIsPlacedElsewhere() {
        SimulatedAgent failing = agent("priority", 90);
        SimulatedAgent other = agent("priority", 10);
        Plugin plugin = plugins.register();
        assertThat(served(plugin, "version", "1.0.0").path("supervisor_id").asString())
                .isEqualTo(failing.supervisorId());
        reportThreeFailures(plugin, failing);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () -> assertThat(installation(plugin, "1.0.0", failing).getString("state"))
                                .isEqualTo("ACTIVE"));
        reportThreeFailures(plugin, failing);
        // the agent still runs that instance and reports it ACTIVE: callers decided otherwise, and that sticks
        long seen = failing.publishes();
        await().atMost(Duration.ofSeconds(5)).until(() -> failing.publishes() >= seen + 2);

        assertThat(installation(plugin, "1.0.0", failing).getString("state")).isEqualTo("ERROR");
        assertThat(served(plugin, "version", "1.0.0").path("supervisor_id").asString())
                .isEqualTo(other.supervisorId());
    }

    @Test
    void anOldGenerationReportingActiveNeverEndsARecovery() {
        SimulatedAgent agent = agent();
        agent.behave(Behaviour.KEEP_OLD_GENERATION);
        Plugin plugin = plugins.register();
        served(plugin, "version", "1.0.0");

        Api.Response recovered = api.post(
                "/plugin/v1/supervisor/" + agent.supervisorId() + "/plugin/" + plugin.id() + "/recover",
                Tokens.admin(domain),
                json("version", "1.0.0"));
        assertThat(recovered.status()).as(recovered.toString()).isEqualTo(200);
        assertThat(recovered.json().path("state").asString()).isEqualTo("RE_PROVISIONING");
        assertThat(recovered.json().path("generation").asLong()).isEqualTo(1);

        long seen = agent.publishes();
        await().atMost(Duration.ofSeconds(5)).until(() -> agent.publishes() >= seen + 3);
        assertThat(installation(plugin, "1.0.0", agent).getString("state")).isEqualTo("RE_PROVISIONING");
        assertProblem(endpoint(plugin, "version", "1.0.0", "timeout_seconds", 1), 504, "ERROR_INSTALL_PLUGIN_TIMEOUT");

        agent.behave(Behaviour.REPORT_ACTIVE);

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () -> assertThat(installation(plugin, "1.0.0", agent).getString("state"))
                                .isEqualTo("ACTIVE"));
        assertThat(generation(installation(plugin, "1.0.0", agent))).isEqualTo(1);
    }

    private void reportThreeFailures(Plugin plugin, SimulatedAgent agent) {
        for (int report = 0; report < 3; report++) {
            Api.Response response = notifyFailure(plugin, agent.supervisorId(), "1.0.0");
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
        }
    }
}
