package io.pluginplatform.common.api.repository;

import jakarta.validation.constraints.NotBlank;

/** plugin get_versions. */
public record RepositoryPluginRequest(@NotBlank String pluginId, String repositoryId, String domainId) {}
