package io.pluginplatform.common.api.repository;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** repository register: a remote repository-service reached at {@code endpoint} with its own token. */
public record CreateRepositoryRequest(
        @NotBlank @Size(max = 255) String name,
        @NotBlank @Size(max = 2048) String endpoint,
        @Size(max = 8192) String token) {

    @Override
    public String toString() {
        return "CreateRepositoryRequest[name=" + name + ", endpoint=" + endpoint + ", token=***]";
    }
}
