package io.pluginplatform.common.api.plugin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * What an agent reports about itself on every publish. {@code name} and {@code tags} are the agent's own values, kept
 * here once an administrator's values have taken the supervisor's.
 *
 * @param capacity the most plugins the agent accepts ({@code null}: no limit)
 * @param labels labels the agent suggests for its supervisor; an administrator decides the supervisor's labels
 * @param advertiseAddress the host or address under which its plugins' endpoints are reached
 */
public record AgentInfo(
        @Size(max = 64) String version,
        @Size(max = 64) String runtime,
        @Min(0) @Max(100_000) Integer capacity,

        @Size(max = 50, message = "must hold at most 50 labels")
        Map<String, Object> labels,

        @Size(max = 255) String advertiseAddress,
        @Min(0) Integer pluginCount,
        @Size(max = 255) String name,

        @Size(max = 100, message = "must hold at most 100 keys")
        Map<String, Object> tags) {}
