package io.pluginplatform.plugin.installation;

import io.pluginplatform.common.api.plugin.InstalledPluginState;
import io.pluginplatform.common.api.plugin.ReportedPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What an agent's report means for one installation (plugin-service.md §4), as a pure function: the installation as
 * stored and what the agent reports of it (or nothing, when it reports it no longer) give the change to make, if any.
 *
 * <ul>
 *   <li>{@code PROVISIONING} → {@code ACTIVE} when reported {@code ACTIVE} with an endpoint; → {@code ERROR} when
 *       reported {@code ERROR};
 *   <li>{@code RE_PROVISIONING} → {@code ACTIVE} (or {@code ERROR}) only when the reported generation is at least the
 *       stored one: an older instance reporting {@code ACTIVE} never cancels a recovery;
 *   <li>{@code ACTIVE} → {@code ERROR} when reported {@code ERROR}; changed endpoints are stored, sorted; not reported
 *       at all → back to {@code PROVISIONING}, so that it is not served while missing;
 *   <li>{@code ERROR} → {@code ACTIVE} when the agent's retry succeeds — unless callers' failure reports put it in ERROR:
 *       the agent's instance is what failed them, so only a recovery (a new generation) ends that.
 * </ul>
 *
 * A report of an older generation than the stored one changes nothing.
 */
final class Reconciliation {

    /** The change to apply: the new state, endpoints (sorted) and error message. */
    record Change(InstalledPluginState state, List<String> endpoints, String lastError) {}

    private Reconciliation() {}

    static Optional<Change> of(InstalledPluginDocument installed, ReportedPlugin reported) {
        InstalledPluginState current = installed.state();
        if (reported == null) {
            return current == InstalledPluginState.ACTIVE
                    ? Optional.of(new Change(InstalledPluginState.PROVISIONING, List.of(), installed.lastError()))
                    : Optional.empty();
        }
        if (reported.generation() != null && reported.generation() < installed.generationOrZero()) {
            return Optional.empty();
        }
        if (current == InstalledPluginState.ERROR && Boolean.TRUE.equals(installed.failedByCallers())) {
            return Optional.empty();
        }
        if (current == InstalledPluginState.RE_PROVISIONING && reported.generation() == null) {
            return Optional.empty(); // the agent does not say which generation runs: it cannot end a recovery
        }
        InstalledPluginState state = reported.state();
        List<String> endpoints = endpoints(reported);
        if (state == InstalledPluginState.ACTIVE && !endpoints.isEmpty()) {
            boolean same = current == InstalledPluginState.ACTIVE && endpoints.equals(installed.endpoints());
            return same ? Optional.empty() : Optional.of(new Change(InstalledPluginState.ACTIVE, endpoints, null));
        }
        if (state == InstalledPluginState.ERROR) {
            String error = reported.lastError() != null ? reported.lastError() : "the agent reported an error";
            boolean same = current == InstalledPluginState.ERROR && Objects.equals(error, installed.lastError());
            return same ? Optional.empty() : Optional.of(new Change(InstalledPluginState.ERROR, List.of(), error));
        }
        return Optional.empty(); // still starting, or ACTIVE without an endpoint: nothing to serve yet
    }

    /** Every endpoint the agent names, once each, sorted. */
    static List<String> endpoints(ReportedPlugin reported) {
        TreeSet<String> all = new TreeSet<>();
        if (reported.endpoint() != null && !reported.endpoint().isBlank()) {
            all.add(reported.endpoint().trim());
        }
        if (reported.endpoints() != null) {
            for (String endpoint : reported.endpoints()) {
                if (endpoint != null && !endpoint.isBlank()) {
                    all.add(endpoint.trim());
                }
            }
        }
        return new ArrayList<>(all);
    }
}
