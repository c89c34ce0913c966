package io.pluginplatform.common.api.plugin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The long-poll of list_plugins: answer once the desired revision differs from {@code revision}, or after the wait. */
public record Watch(
        @NotNull @Min(0) Long revision, @Min(0) @Max(60) Integer timeoutSeconds) {}
