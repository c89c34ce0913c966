package io.pluginplatform.common.api.plugin;

import jakarta.validation.constraints.NotBlank;

/** recover_plugin: start a new generation of an installation that is ACTIVE or in ERROR. */
public record RecoverPluginRequest(
        String supervisorId, String pluginId, @NotBlank String version, String domainId) {

    public RecoverPluginRequest withIds(String supervisor, String plugin) {
        return new RecoverPluginRequest(supervisor, plugin, version, domainId);
    }
}
