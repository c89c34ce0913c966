package io.pluginplatform.common.api.repository;

import jakarta.validation.constraints.NotBlank;

/** repository get and deregister. */
public record RepositoryRequest(@NotBlank String repositoryId) {}
