package io.pluginplatform.plugin.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pluginplatform.common.testsupport.Api;
import io.pluginplatform.common.testsupport.Tokens;
import io.pluginplatform.plugin.endpoint.RepositoryPlugins.Plugin;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where get_plugin_endpoint serves and places (plugin-service.md §5 steps 3-6). */
class EndpointPlacementTest extends BrokerTest {

    @Test
    void requestedLabelsAlwaysLandOnTheSupervisorCarryingThem() {
        agent("labels", Map.of("region", "eu"), "priority", 90);
        SimulatedAgent us = agent("labels", Map.of("region", "us"), "priority", 10);
        Plugin first = plugins.register();
        Plugin second = plugins.register();

        for (Plugin plugin : new Plugin[] {first, second}) {
            for (String version : new String[] {"1.0.0", "1.1.0", "stable"}) {
                assertThat(served(plugin, "version", version, "labels", Map.of("region", "us"))
                                .path("supervisor_id")
                                .asString())
                        .as("%s %s", plugin.id(), version)
                        .isEqualTo(us.supervisorId());
            }
        }
    }

    @Test
    void aLabelNoSupervisorCarriesIsUnavailableWithRetryAfter() {
        agent("labels", Map.of("region", "eu"));
        Plugin plugin = plugins.register();

        Api.Response response = endpoint(plugin, "version", "1.0.0", "labels", Map.of("region", "ap"));

        assertProblem(response, 503, "ERROR_NO_POSSIBLE_SUPERVISOR");
        assertThat(response.header("Retry-After")).isNotBlank();
        assertThat(installations(plugin)).isZero();
    }

    @Test
    void theCallersOwnSupervisorIsPreferredOverAPublicOneOfAnotherDomain() {
        SimulatedAgent foreign = agentIn(newDomainId(), null, "priority", 100);
        Api.Response madePublic = api.post(
                "/plugin/v1/supervisor/update",
                Tokens.system(),
                json("supervisor_id", foreign.supervisorId(), "domain_id", foreign.domain(), "is_public", true));
        assertThat(madePublic.status()).as(madePublic.toString()).isEqualTo(200);
        SimulatedAgent own = agent("priority", 10);
        Plugin plugin = plugins.register();

        assertThat(served(plugin, "version", "1.0.0").path("supervisor_id").asString())
                .isEqualTo(own.supervisorId());
    }

    @Test
    void aPublicSupervisorOfAnotherDomainServesWhenTheCallerHasNone() {
        SimulatedAgent foreign = agentIn(newDomainId(), null);
        Api.Response madePublic = api.post(
                "/plugin/v1/supervisor/update",
                Tokens.system(),
                json("supervisor_id", foreign.supervisorId(), "domain_id", foreign.domain(), "is_public", true));
        assertThat(madePublic.status()).as(madePublic.toString()).isEqualTo(200);
        Plugin plugin = plugins.register();

        assertThat(served(plugin, "version", "1.0.0").path("supervisor_id").asString())
                .isEqualTo(foreign.supervisorId());
    }

    @Test
    void theSupervisorWithTheHigherPriorityIsPreferred() {
        agent("priority", 10);
        SimulatedAgent preferred = agent("priority", 90);
        Plugin first = plugins.register();
        Plugin second = plugins.register();

        assertThat(served(first, "version", "1.0.0").path("supervisor_id").asString())
                .isEqualTo(preferred.supervisorId());
        assertThat(served(second, "version", "1.1.0").path("supervisor_id").asString())
                .isEqualTo(preferred.supervisorId());
    }

    @Test
    void aSupervisorAtCapacityIsSkipped() {
        SimulatedAgent small = agentIn(domain, 1, "priority", 90);
        SimulatedAgent other = agent("priority", 10);
        Plugin first = plugins.register();
        Plugin second = plugins.register();
        assertThat(served(first, "version", "1.0.0").path("supervisor_id").asString())
                .isEqualTo(small.supervisorId());

        assertThat(served(second, "version", "1.0.0").path("supervisor_id").asString())
                .isEqualTo(other.supervisorId());
    }

    @Test
    void aDisabledSupervisorStopsBeingServedAndTheNextCallIsPlacedElsewhere() {
        SimulatedAgent disabled = agent("priority", 90);
        SimulatedAgent other = agent("priority", 10);
        Plugin plugin = plugins.register();
        assertThat(served(plugin, "version", "1.0.0").path("supervisor_id").asString())
                .isEqualTo(disabled.supervisorId());

        Api.Response disable =
                api.put("/plugin/v1/supervisor/" + disabled.supervisorId() + "/disable", Tokens.admin(domain), "{}");
        assertThat(disable.status()).as(disable.toString()).isEqualTo(200);

        // the eligibility cache may be up to a second stale
        await().atMost(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(served(plugin, "version", "1.0.0")
                                .path("supervisor_id")
                                .asString())
                        .isEqualTo(other.supervisorId()));
        assertThat(installations(plugin)).isEqualTo(2);
    }

    @Test
    void aDisconnectedSupervisorIsNoLongerChosen() {
        SimulatedAgent silent = agent("priority", 90);
        SimulatedAgent other = agent("priority", 10);
        Plugin plugin = plugins.register();
        assertThat(served(plugin, "version", "1.0.0").path("supervisor_id").asString())
                .isEqualTo(silent.supervisorId());

        silent.stopPublishing();

        // once its last publish is older than disconnect-after (3 s here)
        await().atMost(Duration.ofSeconds(8))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(served(plugin, "version", "1.0.0")
                                .path("supervisor_id")
                                .asString())
                        .isEqualTo(other.supervisorId()));
        Plugin next = plugins.register();
        assertThat(served(next, "version", "1.0.0").path("supervisor_id").asString())
                .isEqualTo(other.supervisorId());
    }
}
