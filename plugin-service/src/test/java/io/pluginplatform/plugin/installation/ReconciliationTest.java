package io.pluginplatform.plugin.installation;

import static io.pluginplatform.common.api.plugin.InstalledPluginState.ACTIVE;
import static io.pluginplatform.common.api.plugin.InstalledPluginState.ERROR;
import static io.pluginplatform.common.api.plugin.InstalledPluginState.PROVISIONING;
import static io.pluginplatform.common.api.plugin.InstalledPluginState.RE_PROVISIONING;
import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.api.plugin.InstalledPluginState;
import io.pluginplatform.common.api.plugin.ReportedPlugin;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    private static InstalledPluginDocument installed(InstalledPluginState state, long generation, String... endpoints) {
        return new InstalledPluginDocument(
                "id",
                "supervisor-1",
                "domain-1",
                "managed/plugin-x",
                "plugin-x",
                "1.0.0",
                state,
                null,
                List.of(endpoints),
                generation,
                0,
                List.of(),
                null,
                false,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null);
    }

    private static ReportedPlugin reported(InstalledPluginState state, Long generation, String... endpoints) {
        return new ReportedPlugin(
                "plugin-x", null, "1.0.0", state, null, List.of(endpoints), generation, state == ERROR ? "boom" : null);
    }

    @Test
    void aProvisioningPluginReportedActiveWithAnEndpointBecomesActiveWithSortedEndpoints() {
        var change = Reconciliation.of(installed(PROVISIONING, 0), reported(ACTIVE, 0L, "b:2", "a:1", "a:1"));

        assertThat(change).hasValueSatisfying(c -> {
            assertThat(c.state()).isEqualTo(ACTIVE);
            assertThat(c.endpoints()).containsExactly("a:1", "b:2");
        });
    }

    @Test
    void activeWithoutAnEndpointIsNotYetServable() {
        assertThat(Reconciliation.of(installed(PROVISIONING, 0), reported(ACTIVE, 0L)))
                .isEmpty();
    }

    @Test
    void anOlderGenerationReportingActiveNeverEndsARecovery() {
        assertThat(Reconciliation.of(installed(RE_PROVISIONING, 2), reported(ACTIVE, 1L, "old:1")))
                .isEmpty();
        assertThat(Reconciliation.of(installed(RE_PROVISIONING, 2), reported(ACTIVE, null, "old:1")))
                .isEmpty();
    }

    @Test
    void theRecoveredGenerationReportingActiveEndsTheRecovery() {
        assertThat(Reconciliation.of(installed(RE_PROVISIONING, 2), reported(ACTIVE, 2L, "new:1")))
                .hasValueSatisfying(c -> assertThat(c.state()).isEqualTo(ACTIVE));
    }

    @Test
    void anErrorIsKeptWithTheAgentsMessage() {
        assertThat(Reconciliation.of(installed(ACTIVE, 0, "a:1"), reported(ERROR, 0L)))
                .hasValueSatisfying(c -> {
                    assertThat(c.state()).isEqualTo(ERROR);
                    assertThat(c.lastError()).isEqualTo("boom");
                });
    }

    @Test
    void anActivePluginTheAgentNoLongerReportsIsNotServedUntilItIsBack() {
        assertThat(Reconciliation.of(installed(ACTIVE, 0, "a:1"), null)).hasValueSatisfying(c -> {
            assertThat(c.state()).isEqualTo(PROVISIONING);
            assertThat(c.endpoints()).isEmpty();
        });
        assertThat(Reconciliation.of(installed(PROVISIONING, 0), null)).isEmpty();
    }

    @Test
    void unchangedReportsChangeNothing() {
        assertThat(Reconciliation.of(installed(ACTIVE, 0, "a:1"), reported(ACTIVE, 0L, "a:1")))
                .isEmpty();
    }

    @Test
    void changedEndpointsOfAnActivePluginAreStored() {
        assertThat(Reconciliation.of(installed(ACTIVE, 0, "a:1"), reported(ACTIVE, 0L, "a:2")))
                .hasValueSatisfying(c -> assertThat(c.endpoints()).containsExactly("a:2"));
    }

    @Test
    void anErrorCallersReportedIsNotUndoneByTheInstanceTheyReportedOn() {
        InstalledPluginDocument failedByCallers = new InstalledPluginDocument(
                "id",
                "supervisor-1",
                "domain-1",
                "managed/plugin-x",
                "plugin-x",
                "1.0.0",
                ERROR,
                null,
                List.of(),
                1L,
                6,
                List.of(),
                "a caller reported a failure",
                true,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null);

        assertThat(Reconciliation.of(failedByCallers, reported(ACTIVE, 1L, "a:1")))
                .isEmpty();
    }

    @Test
    void aSuccessfulRetryBringsAnErrorBackToActive() {
        assertThat(Reconciliation.of(installed(ERROR, 0), reported(ACTIVE, 0L, "a:1")))
                .hasValueSatisfying(c -> assertThat(c.state()).isEqualTo(ACTIVE));
    }
}
