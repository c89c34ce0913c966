package io.pluginplatform.repository.plugin;

import io.pluginplatform.common.api.repository.PluginInfo;
import io.pluginplatform.common.api.repository.RepositoryInfo;
import io.pluginplatform.common.error.PlatformException;
import io.pluginplatform.common.time.Timestamps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns stored plugins into what the API answers: secrets removed, the repository named, fields selected. */
final class PluginViews {

    /** Keys of {@code registry_config} that are stored (encrypted) but never returned. */
    static final Set<String> SECRET_CONFIG_KEYS = Set.of("password", "token");

    static final Set<String> FIELDS = Set.of(
            "plugin_id",
            "name",
            "image",
            "registry_url",
            "state",
            "service_type",
            "provider",
            "registry_type",
            "registry_config",
            "capability",
            "template",
            "labels",
            "tags",
            "repository_info",
            "project_id",
            "domain_id",
            "created_at",
            "updated_at");

    private PluginViews() {}

    static PluginInfo info(PluginDocument plugin, RepositoryInfo repository) {
        return new PluginInfo(
                plugin.pluginId(),
                plugin.name(),
                plugin.image(),
                plugin.registryUrl(),
                plugin.state(),
                plugin.serviceType(),
                plugin.provider(),
                plugin.registryType(),
                publicConfig(plugin.registryConfig()),
                plugin.capability(),
                plugin.template(),
                plugin.labels(),
                plugin.tags(),
                repository.reference(),
                plugin.projectId(),
                plugin.domainId(),
                plugin.createdAt() == null ? null : Timestamps.format(plugin.createdAt()),
                plugin.updatedAt() == null ? null : Timestamps.format(plugin.updatedAt()));
    }

    static Map<String, Object> publicConfig(Map<String, Object> config) {
        if (config == null) {
            return null;
        }
        Map<String, Object> visible = new LinkedHashMap<>(config);
        visible.keySet().removeAll(SECRET_CONFIG_KEYS);
        return visible;
    }

    static PluginInfo withRepository(PluginInfo plugin, RepositoryInfo repository) {
        return new PluginInfo(
                plugin.pluginId(),
                plugin.name(),
                plugin.image(),
                plugin.registryUrl(),
                plugin.state(),
                plugin.serviceType(),
                plugin.provider(),
                plugin.registryType(),
                publicConfig(plugin.registryConfig()),
                plugin.capability(),
                plugin.template(),
                plugin.labels(),
                plugin.tags(),
                repository,
                plugin.projectId(),
                plugin.domainId(),
                plugin.createdAt(),
                plugin.updatedAt());
    }

    static List<String> checkOnly(List<String> only) {
        if (only == null || only.isEmpty()) {
            return null;
        }
        for (String field : only) {
            if (field == null || !FIELDS.contains(field)) {
                throw PlatformException.invalid("only", "unknown field " + field);
            }
        }
        return only;
    }

    /** The plugin with every field not in {@code only} left out ({@code null} keeps all). */
    static PluginInfo only(PluginInfo p, List<String> only) {
        if (only == null) {
            return p;
        }
        Set<String> keep = Set.copyOf(only);
        return new PluginInfo(
                keep.contains("plugin_id") ? p.pluginId() : null,
                keep.contains("name") ? p.name() : null,
                keep.contains("image") ? p.image() : null,
                keep.contains("registry_url") ? p.registryUrl() : null,
                keep.contains("state") ? p.state() : null,
                keep.contains("service_type") ? p.serviceType() : null,
                keep.contains("provider") ? p.provider() : null,
                keep.contains("registry_type") ? p.registryType() : null,
                keep.contains("registry_config") ? p.registryConfig() : null,
                keep.contains("capability") ? p.capability() : null,
                keep.contains("template") ? p.template() : null,
                keep.contains("labels") ? p.labels() : null,
                keep.contains("tags") ? p.tags() : null,
                keep.contains("repository_info") ? p.repositoryInfo() : null,
                keep.contains("project_id") ? p.projectId() : null,
                keep.contains("domain_id") ? p.domainId() : null,
                keep.contains("created_at") ? p.createdAt() : null,
                keep.contains("updated_at") ? p.updatedAt() : null);
    }
}
