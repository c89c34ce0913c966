package io.pluginplatform.common.api.plugin;

/** The life of a plugin version installed on a supervisor (plugin-service.md §3–4). */
public enum InstalledPluginState {
    PROVISIONING,
    ACTIVE,
    RE_PROVISIONING,
    ERROR
}
