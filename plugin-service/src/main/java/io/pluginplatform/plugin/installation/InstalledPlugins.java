package io.pluginplatform.plugin.installation;

import static io.pluginplatform.plugin.installation.InstalledPluginDocument.CONSUMER_DOMAINS;
import static io.pluginplatform.plugin.installation.InstalledPluginDocument.ENDPOINT;
import static io.pluginplatform.plugin.installation.InstalledPluginDocument.ENDPOINTS;
import static io.pluginplatform.plugin.installation.InstalledPluginDocument.GENERATION;
import static io.pluginplatform.plugin.installation.InstalledPluginDocument.LAST_ERROR;
import static io.pluginplatform.plugin.installation.InstalledPluginDocument.PLUGIN_ID;
import static io.pluginplatform.plugin.installation.InstalledPluginDocument.PLUGIN_KEY;
import static io.pluginplatform.plugin.installation.InstalledPluginDocument.STATE;
import static io.pluginplatform.plugin.installation.InstalledPluginDocument.SUPERVISOR_ID;
import static io.pluginplatform.plugin.installation.InstalledPluginDocument.UPDATED_AT;
import static io.pluginplatform.plugin.installation.InstalledPluginDocument.VERSION;

import io.pluginplatform.common.api.plugin.InstalledPluginState;
import io.pluginplatform.common.api.plugin.ReportedPlugin;
import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import io.pluginplatform.common.query.FieldCatalogue;
import io.pluginplatform.common.query.FieldType;
import io.pluginplatform.common.query.ListResult;
import io.pluginplatform.common.query.Query;
import io.pluginplatform.common.query.QueryRunner;
import io.pluginplatform.common.query.QueryTranslator;
import io.pluginplatform.common.time.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The installed plugins: reconciliation of an agent's report (§4), recovery, reads, and what other features need (what
 * is installed on a supervisor). Every state change is a compare-and-set on state and generation, so that concurrent
 * publishes, recoveries and failure reports never overwrite each other; each applied change is announced as an
 * {@link InstallationChanged} event, which wakes the callers waiting for it on this instance.
 */
@Component
public class InstalledPlugins {

    public static final String COLLECTION = "installed_plugins";

    private static final Logger log = LoggerFactory.getLogger(InstalledPlugins.class);

    public static final FieldCatalogue FIELDS = FieldCatalogue.builder()
            .field("plugin_id", FieldType.STRING)
            .field("plugin_key", FieldType.STRING)
            .field("version", FieldType.STRING)
            .field("state", FieldType.STRING)
            .field("endpoint", FieldType.STRING)
            .field("endpoints", FieldType.STRING_LIST)
            .field("supervisor_id", FieldType.STRING)
            .field("domain_id", FieldType.STRING)
            .field("generation", FieldType.NUMBER)
            .field("failure_count", FieldType.NUMBER)
            .field("last_error", FieldType.STRING)
            .field("endpoint_called_at", FieldType.DATETIME)
            .field("created_at", FieldType.DATETIME)
            .field("updated_at", FieldType.DATETIME)
            .keywordFields("plugin_id", "version", "endpoint")
            .minimalFields("plugin_id", "version", "state", "endpoint", "supervisor_id")
            .build();

    private static final EnumSet<InstalledPluginState> RECOVERABLE =
            EnumSet.of(InstalledPluginState.ACTIVE, InstalledPluginState.ERROR);

    private final MongoTemplate mongo;
    private final QueryTranslator translator;
    private final QueryRunner runner;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InstalledPlugins(
            MongoTemplate mongo,
            QueryTranslator translator,
            QueryRunner runner,
            ApplicationEventPublisher events,
            Clock clock) {
        this.mongo = mongo;
        this.translator = translator;
        this.runner = runner;
        this.events = events;
        this.clock = clock;
    }

    /** Creates the indexes; the unique one makes (supervisor, plugin key, version) impossible to install twice. */
    @EventListener(ApplicationStartedEvent.class)
    void createIndexes() {
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index()
                .on(SUPERVISOR_ID, Sort.Direction.ASC)
                .on(PLUGIN_KEY, Sort.Direction.ASC)
                .on(VERSION, Sort.Direction.ASC)
                .unique()
                .named("installation_identity"));
        indexes.createIndex(new Index()
                .on(PLUGIN_KEY, Sort.Direction.ASC)
                .on(VERSION, Sort.Direction.ASC)
                .on(STATE, Sort.Direction.ASC));
    }

    // what is installed on a supervisor

    public long countOn(String supervisorId) {
        return mongo.count(onSupervisor(supervisorId), COLLECTION);
    }

    /** Deletes every installation of the supervisor; its agent removes the containers when it next syncs. */
    public long deleteOn(String supervisorId) {
        return mongo.remove(onSupervisor(supervisorId), COLLECTION).getDeletedCount();
    }

    public List<InstalledPluginDocument> on(String supervisorId) {
        return mongo.find(onSupervisor(supervisorId), InstalledPluginDocument.class);
    }

    // reconciliation

    /**
     * Applies an agent's report to its supervisor's installations: each installation the report names, or no longer
     * names, changes as {@link Reconciliation} says. Reported plugins that are not installed are ignored (the agent
     * removes them). A change lost to a concurrent writer is left to the next publish. Returns false when one was.
     */
    public boolean reconcile(String supervisorId, List<ReportedPlugin> reported) {
        List<InstalledPluginDocument> installed = on(supervisorId);
        if (installed.isEmpty()) {
            return true;
        }
        Map<String, ReportedPlugin> byKey = new HashMap<>();
        Map<String, List<ReportedPlugin>> byId = new HashMap<>();
        for (ReportedPlugin plugin : reported == null ? List.<ReportedPlugin>of() : reported) {
            if (plugin.pluginKey() != null) {
                byKey.put(plugin.pluginKey() + "@" + plugin.version(), plugin);
            } else {
                byId.computeIfAbsent(plugin.pluginId() + "@" + plugin.version(), k -> new ArrayList<>())
                        .add(plugin);
            }
        }
        Map<String, Long> sameId = new HashMap<>();
        for (InstalledPluginDocument installation : installed) {
            sameId.merge(installation.pluginId() + "@" + installation.version(), 1L, Long::sum);
        }
        boolean settled = true;
        for (InstalledPluginDocument installation : installed) {
            ReportedPlugin report = byKey.get(installation.pluginKey() + "@" + installation.version());
            if (report == null) {
                String id = installation.pluginId() + "@" + installation.version();
                List<ReportedPlugin> candidates = byId.get(id);
                // without a key, a report names an installation only when the id and version are unambiguous
                if (candidates != null && candidates.size() == 1 && sameId.get(id) == 1) {
                    report = candidates.get(0);
                }
            }
            Optional<Reconciliation.Change> change = Reconciliation.of(installation, report);
            if (change.isPresent() && !apply(installation, change.get())) {
                settled = false;
            }
        }
        return settled;
    }

    private boolean apply(InstalledPluginDocument installation, Reconciliation.Change change) {
        List<String> endpoints = change.endpoints();
        Update update = new Update()
                .set(STATE, change.state())
                .set(ENDPOINTS, endpoints)
                .set(ENDPOINT, endpoints.isEmpty() ? null : endpoints.get(0))
                .set(LAST_ERROR, change.lastError())
                .set(UPDATED_AT, Timestamps.now(clock));
        boolean applied =
                mongo.updateFirst(unchanged(installation), update, COLLECTION).getModifiedCount() == 1;
        if (applied) {
            log.info(
                    "Installation {} {} on supervisor {}: {} -> {}",
                    installation.pluginKey(),
                    installation.version(),
                    installation.supervisorId(),
                    installation.state(),
                    change.state());
            events.publishEvent(
                    new InstallationChanged(installation.id(), installation.supervisorId(), change.state()));
        }
        return applied;
    }

    // recovery

    /** {@code ACTIVE} or {@code ERROR} → {@code RE_PROVISIONING} with the next generation; else 409. */
    public InstalledPluginDocument recover(String supervisorId, String pluginId, String version) {
        for (int attempt = 0; attempt < 3; attempt++) {
            InstalledPluginDocument installation = mongo.findOne(
                    new org.springframework.data.mongodb.core.query.Query(Criteria.where(SUPERVISOR_ID)
                            .is(supervisorId)
                            .and(PLUGIN_ID)
                            .is(pluginId)
                            .and(VERSION)
                            .is(version)),
                    InstalledPluginDocument.class);
            if (installation == null) {
                throw PlatformException.notFound("plugin_id", pluginId);
            }
            if (!RECOVERABLE.contains(installation.state())) {
                throw PlatformException.of(
                                ErrorCode.ERROR_PLUGIN_STATE_CHANGE,
                                "plugin_id",
                                pluginId,
                                "state",
                                installation.state())
                        .withViolation("state", "recover needs one of " + RECOVERABLE);
            }
            Instant now = Timestamps.now(clock);
            InstalledPluginDocument recovered = mongo.findAndModify(
                    unchanged(installation),
                    new Update()
                            .set(STATE, InstalledPluginState.RE_PROVISIONING)
                            .inc(GENERATION, 1)
                            .set("failed_by_callers", false)
                            .set("recovered_at", now)
                            .set(UPDATED_AT, now),
                    FindAndModifyOptions.options().returnNew(true),
                    InstalledPluginDocument.class);
            if (recovered != null) {
                log.info(
                        "Installation {} {} on supervisor {} recovers as generation {}",
                        recovered.pluginKey(),
                        recovered.version(),
                        supervisorId,
                        recovered.generation());
                events.publishEvent(new InstallationChanged(recovered.id(), supervisorId, recovered.state()));
                return recovered;
            }
        }
        throw PlatformException.of(ErrorCode.ERROR_CONCURRENT_UPDATE, "key", "plugin_id", "value", pluginId);
    }

    // placement and serving

    /** The installations of a plugin version on any of the given supervisors, in every state. */
    public List<InstalledPluginDocument> of(String pluginKey, String version, Collection<String> supervisorIds) {
        return mongo.find(
                new org.springframework.data.mongodb.core.query.Query(Criteria.where(PLUGIN_KEY)
                        .is(pluginKey)
                        .and(VERSION)
                        .is(version)
                        .and(SUPERVISOR_ID)
                        .in(supervisorIds)),
                InstalledPluginDocument.class);
    }

    public InstalledPluginDocument byId(String id) {
        return mongo.findById(id, InstalledPluginDocument.class);
    }

    public List<InstalledPluginDocument> byIds(Collection<String> ids) {
        return mongo.find(
                new org.springframework.data.mongodb.core.query.Query(
                        Criteria.where("_id").in(ids)),
                InstalledPluginDocument.class);
    }

    /** The installation of the version on the supervisor, or null. */
    public InstalledPluginDocument on(String supervisorId, String pluginKey, String version) {
        return mongo.findOne(
                new org.springframework.data.mongodb.core.query.Query(Criteria.where(SUPERVISOR_ID)
                        .is(supervisorId)
                        .and(PLUGIN_KEY)
                        .is(pluginKey)
                        .and(VERSION)
                        .is(version)),
                InstalledPluginDocument.class);
    }

    /**
     * Creates the installation {@code PROVISIONING}; when the unique (supervisor, plugin key, version) index says it
     * exists, the existing one. The agent learns of it from its supervisor's desired revision.
     */
    public InstalledPluginDocument install(InstalledPluginDocument candidate) {
        try {
            InstalledPluginDocument installed = mongo.insert(candidate);
            log.info(
                    "Installing {} {} on supervisor {}",
                    installed.pluginKey(),
                    installed.version(),
                    installed.supervisorId());
            return installed;
        } catch (DuplicateKeyException e) {
            return on(candidate.supervisorId(), candidate.pluginKey(), candidate.version());
        }
    }

    /** Records that the installation was handed to a caller of the domain (callers write this at most once a minute). */
    public void called(String id, String domainId) {
        mongo.updateFirst(
                new org.springframework.data.mongodb.core.query.Query(
                        Criteria.where("_id").is(id)),
                new Update().set("endpoint_called_at", Timestamps.now(clock)).addToSet(CONSUMER_DOMAINS, domainId),
                COLLECTION);
    }

    /** What a failure report did to an installation. */
    public enum FailureOutcome {
        RECORDED,
        RE_PROVISIONING,
        ERROR
    }

    /**
     * Records a caller's failure report (plugin-service.md §6): {@code threshold} reports within {@code window} start
     * a new generation ({@code RE_PROVISIONING}); crossing it again within {@code errorAfterRecovery} of the last
     * recovery makes the installation {@code ERROR}, so that the next caller is placed elsewhere.
     */
    public FailureOutcome recordFailure(
            InstalledPluginDocument installation,
            String message,
            int threshold,
            Duration window,
            Duration errorAfterRecovery) {
        Instant now = Timestamps.now(clock);
        List<Instant> recent = new ArrayList<>();
        for (Instant failure : installation.failures() == null ? List.<Instant>of() : installation.failures()) {
            if (failure.isAfter(now.minus(window))) {
                recent.add(failure);
            }
        }
        recent.add(now);
        Update update = new Update()
                .inc("failure_count", 1)
                .set("failures", recent)
                .set(LAST_ERROR, message != null ? message : "a caller reported a failure")
                .set(UPDATED_AT, now);
        FailureOutcome outcome = FailureOutcome.RECORDED;
        if (recent.size() >= threshold && installation.state() == InstalledPluginState.ACTIVE) {
            boolean recentlyRecovered = installation.recoveredAt() != null
                    && installation.recoveredAt().isAfter(now.minus(errorAfterRecovery));
            if (recentlyRecovered) {
                update.set(STATE, InstalledPluginState.ERROR)
                        .set(ENDPOINTS, List.of())
                        .set(ENDPOINT, null)
                        .set("failed_by_callers", true);
                outcome = FailureOutcome.ERROR;
            } else {
                update.set(STATE, InstalledPluginState.RE_PROVISIONING)
                        .inc(GENERATION, 1)
                        .set("recovered_at", now)
                        .set("failures", List.of());
                outcome = FailureOutcome.RE_PROVISIONING;
            }
        }
        if (mongo.updateFirst(unchanged(installation), update, COLLECTION).getModifiedCount() == 0) {
            return null; // changed meanwhile: the caller reads it again
        }
        if (outcome != FailureOutcome.RECORDED) {
            log.warn(
                    "Installation {} {} on supervisor {}: {} failure reports within {} s, now {}",
                    installation.pluginKey(),
                    installation.version(),
                    installation.supervisorId(),
                    recent.size(),
                    window.toSeconds(),
                    outcome);
            events.publishEvent(new InstallationChanged(
                    installation.id(),
                    installation.supervisorId(),
                    outcome == FailureOutcome.ERROR
                            ? InstalledPluginState.ERROR
                            : InstalledPluginState.RE_PROVISIONING));
        }
        return outcome;
    }

    // housekeeping

    /**
     * Deletes at most {@code limit} installations nobody asked for since {@code cutoff} (by {@code endpoint_called_at},
     * or {@code created_at} when never served); answers the supervisors that lost some.
     */
    public Set<String> deleteIdle(Instant cutoff, int limit) {
        Criteria idle = new Criteria()
                .orOperator(
                        Criteria.where("endpoint_called_at").lt(cutoff),
                        new Criteria()
                                .andOperator(
                                        Criteria.where("endpoint_called_at").is(null),
                                        Criteria.where("created_at").lt(cutoff)));
        return deleteMatching(idle, limit, "idle since " + cutoff);
    }

    /** Deletes at most {@code limit} installations of the supervisors; answers the supervisors that lost some. */
    public Set<String> deleteOn(Collection<String> supervisorIds, int limit) {
        if (supervisorIds.isEmpty()) {
            return Set.of();
        }
        return deleteMatching(Criteria.where(SUPERVISOR_ID).in(supervisorIds), limit, "on a long-silent supervisor");
    }

    private Set<String> deleteMatching(Criteria which, int limit, String why) {
        org.springframework.data.mongodb.core.query.Query batch =
                new org.springframework.data.mongodb.core.query.Query(which).limit(limit);
        List<InstalledPluginDocument> doomed = mongo.find(batch, InstalledPluginDocument.class);
        Set<String> supervisors = new TreeSet<>();
        for (InstalledPluginDocument installation : doomed) {
            // one at a time and still matching: a caller that used it meanwhile keeps it
            org.springframework.data.mongodb.core.query.Query still =
                    new org.springframework.data.mongodb.core.query.Query(
                            new Criteria().andOperator(Criteria.where("_id").is(installation.id()), which));
            if (mongo.remove(still, COLLECTION).getDeletedCount() == 1) {
                supervisors.add(installation.supervisorId());
                log.info(
                        "Removed installation {} {} from supervisor {}: {}",
                        installation.pluginKey(),
                        installation.version(),
                        installation.supervisorId(),
                        why);
            }
        }
        return supervisors;
    }

    // reads

    /** A page of installations within {@code scope} (the caller's view), with the query language. */
    public ListResult list(Query query, Criteria scope) {
        return runner.list(translator.translate(query, FIELDS, scope), COLLECTION);
    }

    public InstalledPluginDocument read(org.bson.Document document) {
        return mongo.getConverter().read(InstalledPluginDocument.class, document);
    }

    /** The compare-and-set condition: the installation as read, same state and generation. */
    private static org.springframework.data.mongodb.core.query.Query unchanged(InstalledPluginDocument installation) {
        Criteria same = Criteria.where("_id").is(installation.id()).and(STATE).is(installation.state());
        same = installation.generation() == null
                ? same.and(GENERATION).is(null)
                : same.and(GENERATION).is(installation.generation());
        return new org.springframework.data.mongodb.core.query.Query(same);
    }

    private static org.springframework.data.mongodb.core.query.Query onSupervisor(String supervisorId) {
        return new org.springframework.data.mongodb.core.query.Query(
                Criteria.where(SUPERVISOR_ID).is(supervisorId));
    }
}
