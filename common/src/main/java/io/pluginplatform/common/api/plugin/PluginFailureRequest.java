package io.pluginplatform.common.api.plugin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** notify_failure: the caller reports that an endpoint it was given fails. */
public record PluginFailureRequest(
        @NotBlank String supervisorId,
        String pluginId,
        @NotBlank @Size(max = 128) String version,
        @Size(max = 2000) String message,
        String domainId) {

    public PluginFailureRequest withPluginId(String id) {
        return new PluginFailureRequest(supervisorId, id, version, message, domainId);
    }
}
