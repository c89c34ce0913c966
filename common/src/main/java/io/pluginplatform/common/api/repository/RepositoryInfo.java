package io.pluginplatform.common.api.repository;

/**
 * A repository: on its own ({@code endpoint} for remotes, {@code created_at}), or embedded in a plugin as
 * {@code repository_info} with the first three fields only.
 */
public record RepositoryInfo(
        String repositoryId, String name, RepositoryType repositoryType, String endpoint, String createdAt) {

    /** The short form embedded in every plugin. */
    public RepositoryInfo reference() {
        return new RepositoryInfo(repositoryId, name, repositoryType, null, null);
    }
}
