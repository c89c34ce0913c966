package io.pluginplatform.common.api.repository;

import io.pluginplatform.common.query.StatisticsQuery;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** plugin stat. */
public record PluginStatQuery(
        @NotNull StatisticsQuery query, @NotBlank String repositoryId, String domainId) {}
