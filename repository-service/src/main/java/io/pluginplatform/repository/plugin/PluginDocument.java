package io.pluginplatform.repository.plugin;

import io.pluginplatform.common.api.repository.PluginState;
import io.pluginplatform.common.api.repository.RegistryType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A plugin as stored: local plugins carry their domain, managed ones none. Field names are stored in snake_case (the
 * mapping's naming strategy), so that the query language's keys are the stored names. {@code version} is the
 * optimistic lock.
 */
@Document(PluginDocument.COLLECTION)
public record PluginDocument(
        @Id String id,
        String pluginId,
        String repositoryId,
        String domainId,
        String projectId,
        String name,
        String image,
        String registryUrl,
        PluginState state,
        String serviceType,
        String provider,
        RegistryType registryType,
        Map<String, Object> registryConfig,
        Map<String, Object> capability,
        Map<String, Object> template,
        List<String> labels,
        Map<String, Object> tags,
        Instant createdAt,
        Instant updatedAt,
        @Version Long version) {

    public static final String COLLECTION = "plugins";

    PluginDocument withState(PluginState newState, Instant now) {
        return new PluginDocument(
                id,
                pluginId,
                repositoryId,
                domainId,
                projectId,
                name,
                image,
                registryUrl,
                newState,
                serviceType,
                provider,
                registryType,
                registryConfig,
                capability,
                template,
                labels,
                tags,
                createdAt,
                now,
                version);
    }

    PluginDocument withChanges(
            String newName,
            Map<String, Object> newCapability,
            Map<String, Object> newTemplate,
            List<String> newLabels,
            Map<String, Object> newTags,
            Instant now) {
        return new PluginDocument(
                id,
                pluginId,
                repositoryId,
                domainId,
                projectId,
                newName != null ? newName : name,
                image,
                registryUrl,
                state,
                serviceType,
                provider,
                registryType,
                registryConfig,
                newCapability != null ? newCapability : capability,
                newTemplate != null ? newTemplate : template,
                newLabels != null ? newLabels : labels,
                newTags != null ? newTags : tags,
                createdAt,
                now,
                version);
    }
}
