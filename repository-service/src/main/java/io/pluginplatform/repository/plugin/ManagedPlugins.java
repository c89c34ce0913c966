package io.pluginplatform.repository.plugin;

import io.pluginplatform.common.api.repository.CreatePluginRequest;
import io.pluginplatform.common.api.repository.RegistryType;
import io.pluginplatform.common.error.PlatformException;
import io.pluginplatform.common.time.Timestamps;
import io.pluginplatform.repository.repository.Repositories;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Writes the managed repository: the bundled entries pass the same rules as a register (but no registry call at start),
 * are stored under stable ids, keep their {@code created_at}, and only changed entries are rewritten.
 */
@Component
public class ManagedPlugins {

    /** What a load did. */
    public record Outcome(int added, int changed, int removed) {}

    private final MongoTemplate mongo;
    private final PluginRequests rules;
    private final Validator validator;
    private final Clock clock;

    ManagedPlugins(MongoTemplate mongo, PluginRequests rules, Validator validator, Clock clock) {
        this.mongo = mongo;
        this.rules = rules;
        this.validator = validator;
        this.clock = clock;
    }

    public Outcome replaceAll(List<CreatePluginRequest> entries, RegistryType registryType, String registryUrl) {
        Instant now = Timestamps.now(clock);
        Set<String> ids = new HashSet<>();
        int added = 0;
        int changed = 0;
        for (CreatePluginRequest entry : entries) {
            Set<ConstraintViolation<CreatePluginRequest>> violations = validator.validate(entry);
            if (!violations.isEmpty()) {
                ConstraintViolation<CreatePluginRequest> first =
                        violations.iterator().next();
                throw new IllegalStateException(
                        "entry " + entry.pluginId() + ": " + first.getPropertyPath() + " " + first.getMessage());
            }
            CreatePluginRequest located = new CreatePluginRequest(
                    entry.name(),
                    entry.serviceType(),
                    entry.image(),
                    entry.pluginId(),
                    entry.provider(),
                    entry.registryType() != null ? entry.registryType() : registryType,
                    entry.registryUrl() != null ? entry.registryUrl() : registryUrl,
                    entry.registryConfig(),
                    entry.capability(),
                    entry.template(),
                    entry.labels(),
                    entry.tags(),
                    null,
                    null);
            PluginDocument candidate;
            try {
                candidate = rules.newPlugin(null, located, now);
            } catch (PlatformException e) {
                throw new IllegalStateException("entry " + entry.pluginId() + ": " + e.getMessage(), e);
            }
            String id = "managed:" + candidate.pluginId();
            if (!ids.add(id)) {
                throw new IllegalStateException("entry " + candidate.pluginId() + " appears twice");
            }
            PluginDocument existing = mongo.findById(id, PluginDocument.class);
            PluginDocument wanted = new PluginDocument(
                    id,
                    candidate.pluginId(),
                    Repositories.MANAGED_ID,
                    null,
                    null,
                    candidate.name(),
                    candidate.image(),
                    candidate.registryUrl(),
                    existing != null ? existing.state() : candidate.state(),
                    candidate.serviceType(),
                    candidate.provider(),
                    candidate.registryType(),
                    candidate.registryConfig(),
                    candidate.capability(),
                    candidate.template(),
                    candidate.labels(),
                    candidate.tags(),
                    existing != null ? existing.createdAt() : now,
                    existing != null ? existing.updatedAt() : now,
                    existing != null ? existing.version() : null);
            if (existing == null) {
                mongo.insert(wanted);
                added++;
            } else if (!sameContent(existing, wanted)) {
                mongo.save(new PluginDocument(
                        wanted.id(),
                        wanted.pluginId(),
                        wanted.repositoryId(),
                        null,
                        null,
                        wanted.name(),
                        wanted.image(),
                        wanted.registryUrl(),
                        wanted.state(),
                        wanted.serviceType(),
                        wanted.provider(),
                        wanted.registryType(),
                        wanted.registryConfig(),
                        wanted.capability(),
                        wanted.template(),
                        wanted.labels(),
                        wanted.tags(),
                        wanted.createdAt(),
                        now,
                        wanted.version()));
                changed++;
            }
        }
        Query stale = new Query(Criteria.where("repository_id")
                .is(Repositories.MANAGED_ID)
                .and("_id")
                .nin(ids));
        int removed = (int) mongo.remove(stale, PluginDocument.class).getDeletedCount();
        return new Outcome(added, changed, removed);
    }

    private static boolean sameContent(PluginDocument a, PluginDocument b) {
        return Objects.equals(a.name(), b.name())
                && Objects.equals(a.image(), b.image())
                && Objects.equals(a.registryUrl(), b.registryUrl())
                && Objects.equals(a.serviceType(), b.serviceType())
                && Objects.equals(a.provider(), b.provider())
                && a.registryType() == b.registryType()
                && Objects.equals(a.registryConfig(), b.registryConfig())
                && Objects.equals(a.capability(), b.capability())
                && Objects.equals(a.template(), b.template())
                && Objects.equals(a.labels(), b.labels())
                && Objects.equals(a.tags(), b.tags());
    }
}
