package io.pluginplatform.common.api.repository;

import jakarta.validation.constraints.NotBlank;

/** plugin deregister, enable and disable. */
public record PluginRequest(@NotBlank String pluginId, String domainId) {}
