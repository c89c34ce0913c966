package io.pluginplatform.common.api.plugin;

import java.util.List;
import java.util.Map;

/**
 * An installed plugin as answered by list_plugins and recover_plugin (seed 003 plus generation, failures and times).
 * For the supervisor's own agent it also carries what it needs to run the plugin: {@code image}
 * ({@code registry_url/image:version}), the non-secret part of {@code registry_config} and {@code capability}.
 */
public record InstalledPluginInfo(
        String pluginId,
        String version,
        InstalledPluginState state,
        String endpoint,
        List<String> endpoints,
        String supervisorId,
        String supervisorName,
        Boolean managed,
        String domainId,
        String pluginKey,
        Long generation,
        Integer failureCount,
        String lastError,
        String endpointCalledAt,
        String image,
        Map<String, Object> registryConfig,
        Map<String, Object> capability,
        String createdAt,
        String updatedAt) {}
