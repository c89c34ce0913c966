package io.pluginplatform.repository.repository;

import io.pluginplatform.common.api.repository.RepositoryInfo;

/** A remote repository ready to be called: its public description and its (decrypted) token. */
public record RemoteRepository(RepositoryInfo info, String token) {

    public String repositoryId() {
        return info.repositoryId();
    }

    @Override
    public String toString() {
        return "RemoteRepository[" + info.repositoryId() + " " + info.endpoint() + "]";
    }
}
