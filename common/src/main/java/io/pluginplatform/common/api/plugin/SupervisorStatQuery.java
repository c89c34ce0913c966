package io.pluginplatform.common.api.plugin;

import io.pluginplatform.common.query.StatisticsQuery;
import jakarta.validation.constraints.NotNull;

/** supervisor stat over the caller's domain's supervisors. */
public record SupervisorStatQuery(@NotNull StatisticsQuery query, String domainId) {}
