package io.pluginplatform.common.api.repository;

import io.pluginplatform.common.query.Query;

/** plugin list: simple filters plus the query language; without {@code repository_id} every repository is searched. */
public record PluginQuery(
        Query query,
        String pluginId,
        String name,
        PluginState state,
        String serviceType,
        String provider,
        RegistryType registryType,
        String repositoryId,
        String domainId) {}
