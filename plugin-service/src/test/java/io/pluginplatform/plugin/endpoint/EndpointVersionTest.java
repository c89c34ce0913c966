package io.pluginplatform.plugin.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.plugin.endpoint.RepositoryPlugins.Plugin;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Which version get_plugin_endpoint serves (plugin-service.md §5 steps 1-2), and the plugin's own state. */
class EndpointVersionTest extends BrokerTest {

    @Test
    void withoutAVersionTheLatestReleaseIsServedNeitherThePreReleaseNorStable() {
        SimulatedAgent agent = agent();
        Plugin plugin = plugins.register();

        JsonNode answer = served(plugin);

        assertThat(answer.path("updated_version").asString()).isEqualTo(RepositoryPlugins.LATEST);
        assertThat(agent.imageOf(plugin.id(), RepositoryPlugins.LATEST)).isEqualTo(plugin.image("1.1.0"));
    }

    @Test
    void autoUpgradeServesTheLatestVersionAndSaysSoInUpdatedVersion() {
        SimulatedAgent agent = agent();
        Plugin plugin = plugins.register();

        JsonNode answer = served(plugin, "version", "1.0.0", "upgrade_mode", "AUTO");

        assertThat(answer.path("updated_version").asString()).isEqualTo("1.1.0");
        assertThat(installation(plugin, "1.1.0", agent)).isNotNull();
    }

    @Test
    void manualModeServesExactlyTheNamedTagEvenStable() {
        SimulatedAgent agent = agent();
        Plugin plugin = plugins.register();

        JsonNode answer = served(plugin, "version", "stable", "upgrade_mode", "MANUAL");

        assertThat(answer.path("updated_version").asString()).isEqualTo("stable");
        assertThat(agent.imageOf(plugin.id(), "stable")).isEqualTo(plugin.image("stable"));
    }

    @Test
    void aTagTheRegistryDoesNotHaveIsRejected() {
        agent();
        Plugin plugin = plugins.register();

        assertProblem(endpoint(plugin, "version", "9.9.9"), 400, "ERROR_INVALID_PLUGIN_VERSION");
        assertThat(installations(plugin)).isZero();
    }

    @Test
    void anUnknownPluginIsNotFound() {
        agent();

        assertProblem(endpoint(new Plugin("brk-unknown", "test/none"), "version", "1.0.0"), 404, "ERROR_NOT_FOUND");
    }

    @Test
    void aPluginDisabledInTheRepositoryIsRefused() {
        agent();
        Plugin plugin = plugins.register();
        plugins.disable(plugin); // before the first call: the catalogue caches a plugin for 30 s

        assertProblem(endpoint(plugin, "version", "1.0.0"), 409, "ERROR_PLUGIN_DISABLED");
        assertThat(installations(plugin)).isZero();
    }
}
