package io.pluginplatform.common.api.plugin;

/**
 * A supervisor's state as answered: its administrative state ({@code PENDING}, {@code ENABLED}, {@code DISABLED}), or
 * {@code DISCONNECTED} while its agent has not published for longer than the service's {@code disconnect-after}.
 */
public enum SupervisorState {
    PENDING,
    ENABLED,
    DISABLED,
    DISCONNECTED
}
