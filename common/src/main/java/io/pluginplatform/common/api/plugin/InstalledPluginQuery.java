package io.pluginplatform.common.api.plugin;

import io.pluginplatform.common.query.Query;
import jakarta.validation.Valid;

/** list_plugins: simple filters plus the query language, and the optional long-poll {@code watch}. */
public record InstalledPluginQuery(
        Query query,
        String supervisorId,
        String hostname,
        String pluginId,
        String version,
        InstalledPluginState state,
        String endpoint,
        @Valid Watch watch,
        String domainId) {

    public InstalledPluginQuery withSupervisorId(String id) {
        return new InstalledPluginQuery(query, id, hostname, pluginId, version, state, endpoint, watch, domainId);
    }
}
