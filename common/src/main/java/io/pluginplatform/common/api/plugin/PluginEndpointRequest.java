package io.pluginplatform.common.api.plugin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * get_plugin_endpoint (seed 000): the plugin, optionally a version and how to treat it, the labels a supervisor must
 * carry (key and value), and how long to wait for a plugin that is still starting.
 */
public record PluginEndpointRequest(
        String pluginId,
        @Size(max = 128) String version,
        UpgradeMode upgradeMode,

        @Size(max = 20, message = "must hold at most 20 labels")
        Map<String, Object> labels,

        String domainId,
        @Min(1) @Max(300) Integer timeoutSeconds) {

    public PluginEndpointRequest withPluginId(String id) {
        return new PluginEndpointRequest(id, version, upgradeMode, labels, domainId, timeoutSeconds);
    }
}
