package io.pluginplatform.repository.repository;

import io.pluginplatform.common.api.repository.RepositoryType;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A repository as stored. The local and managed repositories are stored too (created at start with fixed ids), so that
 * list, filters and paging are one query. {@code token} is encrypted and never leaves the service.
 */
@Document(RepositoryDocument.COLLECTION)
record RepositoryDocument(
        @Id String id,
        String repositoryId,
        String name,
        String repositoryType,
        String endpoint,
        String token,
        Instant createdAt,
        Instant updatedAt,
        @Version Long version) {

    static final String COLLECTION = "repositories";

    RepositoryType type() {
        return RepositoryType.fromWire(repositoryType);
    }

    RepositoryDocument withChanges(String newName, String newEndpoint, String newToken, Instant now) {
        return new RepositoryDocument(
                id,
                repositoryId,
                newName != null ? newName : name,
                repositoryType,
                newEndpoint != null ? newEndpoint : endpoint,
                newToken != null ? newToken : token,
                createdAt,
                now,
                version);
    }
}
