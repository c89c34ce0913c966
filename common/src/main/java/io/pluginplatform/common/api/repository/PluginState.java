package io.pluginplatform.common.api.repository;

/** Whether a catalogue plugin may be provisioned. */
public enum PluginState {
    ENABLED,
    DISABLED
}
