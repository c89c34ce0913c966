package io.pluginplatform.common.api.plugin;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One plugin as an agent reports it in {@code plugin_info} of publish: which plugin and version it runs, in which
 * state, at which endpoints, and which generation of the installation its instance belongs to. {@code plugin_key}, as
 * list_plugins gave it, tells apart two catalogue entries with the same id; without it the id and version must be
 * unambiguous on the supervisor.
 */
public record ReportedPlugin(
        @NotBlank @Size(max = 64) String pluginId,
        @Size(max = 255) String pluginKey,
        @NotBlank @Size(max = 128) String version,
        InstalledPluginState state,
        @Size(max = 255) String endpoint,
        @Size(max = 100) List<@Size(max = 255) String> endpoints,
        @Min(0) Long generation,
        @Size(max = 2000) String lastError) {}
