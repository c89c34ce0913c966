package io.pluginplatform.common.api.repository;

import java.util.List;
import java.util.Map;

/** A catalogue plugin as answered by get, list, register, update, enable and disable. */
public record PluginInfo(
        String pluginId,
        String name,
        String image,
        String registryUrl,
        PluginState state,
        String serviceType,
        String provider,
        RegistryType registryType,
        Map<String, Object> registryConfig,
        Map<String, Object> capability,
        Map<String, Object> template,
        List<String> labels,
        Map<String, Object> tags,
        RepositoryInfo repositoryInfo,
        String projectId,
        String domainId,
        String createdAt,
        String updatedAt) {}
