package io.pluginplatform.common.api.plugin;

/** How get_plugin_endpoint treats a requested version: exactly that tag, or the latest version. */
public enum UpgradeMode {
    MANUAL,
    AUTO
}
