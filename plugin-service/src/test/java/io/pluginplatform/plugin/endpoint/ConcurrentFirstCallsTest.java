package io.pluginplatform.plugin.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pluginplatform.common.testsupport.Api;
import io.pluginplatform.plugin.endpoint.RepositoryPlugins.Plugin;
import io.pluginplatform.plugin.endpoint.SimulatedAgent.Behaviour;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R1 on one instance (quality-bars.md): concurrent first calls for one plugin version converge on one installation, and
 * callers waiting for it hold no request thread.
 */
class ConcurrentFirstCallsTest extends BrokerTest {

    @Autowired
    InstallationWaiters waiters;

    @Test
    void concurrentFirstCallsShareOneInstallation() throws Exception {
        SimulatedAgent first = agent();
        SimulatedAgent second = agent();
        Plugin plugin = plugins.register();

        List<Api.Response> answers;
        try (ConcurrentCallers callers =
                ConcurrentCallers.start(200, caller -> endpoint(plugin, "version", "1.0.0", "timeout_seconds", 30))) {
            answers = callers.answers();
        }

        assertThat(answers)
                .allSatisfy(answer ->
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
        assertThat(answers.stream().map(answer -> answer.json().path("endpoint").asString()))
                .hasSize(200)
                .containsOnly(answers.get(0).json().path("endpoint").asString());
        assertThat(installations(plugin)).isEqualTo(1);
        assertThat(first.runningCount() + second.runningCount()).isEqualTo(1);
    }

    @Test
    void moreWaitingCallersThanRequestThreadsAllWaitAndAreAllAnswered() throws Exception {
        SimulatedAgent agent = agent();
        agent.behave(Behaviour.NEVER_REPORT);
        Plugin plugin = plugins.register();
        int before = waiters.waiting();

        try (ConcurrentCallers callers =
                ConcurrentCallers.start(250, caller -> endpoint(plugin, "version", "1.0.0", "timeout_seconds", 30))) {
            // Tomcat has 200 request threads: 250 callers can only all wait if none holds one
            await().atMost(Duration.ofSeconds(20)).until(() -> waiters.waiting() - before >= 250);
            agent.behave(Behaviour.REPORT_ACTIVE);

            assertThat(callers.answers()).hasSize(250).allSatisfy(answer -> {
                assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                assertThat(answer.json().path("endpoint").asString()).isEqualTo(agent.endpoint());
            });
        }
        assertThat(installations(plugin)).isEqualTo(1);
    }
}
