package io.pluginplatform.common.api.repository;

import jakarta.validation.constraints.Size;

/** repository update: name, endpoint and token of a remote repository. */
public record UpdateRepositoryRequest(
        String repositoryId,
        @Size(min = 1, max = 255) String name,
        @Size(min = 1, max = 2048) String endpoint,
        @Size(max = 8192) String token) {

    public UpdateRepositoryRequest withRepositoryId(String id) {
        return new UpdateRepositoryRequest(id, name, endpoint, token);
    }

    @Override
    public String toString() {
        return "UpdateRepositoryRequest[repositoryId=" + repositoryId + ", name=" + name + ", endpoint=" + endpoint
                + ", token=***]";
    }
}
