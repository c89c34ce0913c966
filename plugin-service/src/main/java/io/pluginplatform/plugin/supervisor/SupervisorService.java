package io.pluginplatform.plugin.supervisor;

import static io.pluginplatform.plugin.supervisor.SupervisorDocument.ADMIN_STATE;
import static io.pluginplatform.plugin.supervisor.SupervisorDocument.AGENT;
import static io.pluginplatform.plugin.supervisor.SupervisorDocument.DESIRED_REVISION;
import static io.pluginplatform.plugin.supervisor.SupervisorDocument.DOMAIN_ID;
import static io.pluginplatform.plugin.supervisor.SupervisorDocument.HOSTNAME;
import static io.pluginplatform.plugin.supervisor.SupervisorDocument.IS_PUBLIC;
import static io.pluginplatform.plugin.supervisor.SupervisorDocument.LABELS;
import static io.pluginplatform.plugin.supervisor.SupervisorDocument.LAST_SEEN_AT;
import static io.pluginplatform.plugin.supervisor.SupervisorDocument.NAME;
import static io.pluginplatform.plugin.supervisor.SupervisorDocument.PRIORITY;
import static io.pluginplatform.plugin.supervisor.SupervisorDocument.RECONCILED_REPORT;
import static io.pluginplatform.plugin.supervisor.SupervisorDocument.SECRET_HASH;
import static io.pluginplatform.plugin.supervisor.SupervisorDocument.STATE;
import static io.pluginplatform.plugin.supervisor.SupervisorDocument.SUPERVISOR_ID;
import static io.pluginplatform.plugin.supervisor.SupervisorDocument.TAGS;
import static io.pluginplatform.plugin.supervisor.SupervisorDocument.UPDATED_AT;

import io.pluginplatform.common.api.ListResponse;
import io.pluginplatform.common.api.plugin.AgentInfo;
import io.pluginplatform.common.api.plugin.PublishSupervisorRequest;
import io.pluginplatform.common.api.plugin.RegisterSupervisorRequest;
import io.pluginplatform.common.api.plugin.ReportedPlugin;
import io.pluginplatform.common.api.plugin.SupervisorInfo;
import io.pluginplatform.common.api.plugin.SupervisorQuery;
import io.pluginplatform.common.api.plugin.SupervisorState;
import io.pluginplatform.common.auth.Caller;
import io.pluginplatform.common.auth.Role;
import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import io.pluginplatform.common.id.Ids;
import io.pluginplatform.common.query.Condition;
import io.pluginplatform.common.query.FieldCatalogue;
import io.pluginplatform.common.query.FieldType;
import io.pluginplatform.common.query.Query;
import io.pluginplatform.common.query.QueryRunner;
import io.pluginplatform.common.query.QueryTranslator;
import io.pluginplatform.common.query.StatisticsQuery;
import io.pluginplatform.common.query.StatisticsTranslator;
import io.pluginplatform.common.time.Timestamps;
import io.pluginplatform.common.web.FreeForm;
import io.pluginplatform.plugin.installation.InstalledPlugins;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * The supervisors' rules: publish (create on first sight, check the secret key on every later one, record the
 * heartbeat), the administrative transitions as conditional updates, and reads scoped to the caller's domain — and,
 * for a SUPERVISOR token, to its own hostname.
 */
@Service
public class SupervisorService {

    private static final Logger log = LoggerFactory.getLogger(SupervisorService.class);

    static final FieldCatalogue FIELDS = FieldCatalogue.builder()
            .field("supervisor_id", FieldType.STRING)
            .field("name", FieldType.STRING)
            .field("hostname", FieldType.STRING)
            .field("state", FieldType.STRING)
            .field("is_public", FieldType.BOOLEAN)
            .field("priority", FieldType.NUMBER)
            .field("labels", FieldType.MAP)
            .field("tags", FieldType.MAP)
            .field("agent", FieldType.MAP)
            .field("domain_id", FieldType.STRING)
            .field("last_seen_at", FieldType.DATETIME)
            .field("created_at", FieldType.DATETIME)
            .field("updated_at", FieldType.DATETIME)
            .keywordFields("supervisor_id", "name", "hostname")
            .minimalFields("supervisor_id", "name", "hostname", "state", "priority")
            .build();

    private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,62}");
    private static final int MAX_LABEL_VALUE = 255;

    /** The administrative transitions, as data: the states each may start from and the state it ends in. */
    enum Transition {
        REGISTER(EnumSet.of(SupervisorState.PENDING), SupervisorState.ENABLED),
        ENABLE(EnumSet.of(SupervisorState.DISABLED, SupervisorState.ENABLED), SupervisorState.ENABLED),
        DISABLE(EnumSet.of(SupervisorState.ENABLED, SupervisorState.DISABLED), SupervisorState.DISABLED);

        private final Set<SupervisorState> from;
        private final SupervisorState to;

        Transition(Set<SupervisorState> from, SupervisorState to) {
            this.from = from;
            this.to = to;
        }
    }

    private final MongoTemplate mongo;
    private final QueryTranslator translator;
    private final StatisticsTranslator statistics;
    private final QueryRunner runner;
    private final InstalledPlugins installations;
    private final SupervisorProperties properties;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    SupervisorService(
            MongoTemplate mongo,
            QueryTranslator translator,
            StatisticsTranslator statistics,
            QueryRunner runner,
            InstalledPlugins installations,
            SupervisorProperties properties,
            ApplicationEventPublisher events,
            ObjectMapper json,
            Clock clock) {
        this.mongo = mongo;
        this.translator = translator;
        this.statistics = statistics;
        this.runner = runner;
        this.installations = installations;
        this.properties = properties;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** Creates the indexes; the unique ones make a supervisor id and a (domain, hostname) impossible to duplicate. */
    @EventListener(ApplicationStartedEvent.class)
    void createIndexes() {
        var indexes = mongo.indexOps(SupervisorDocument.COLLECTION);
        indexes.createIndex(
                new Index().on(SUPERVISOR_ID, Sort.Direction.ASC).unique().named("supervisor_id"));
        indexes.createIndex(new Index()
                .on(DOMAIN_ID, Sort.Direction.ASC)
                .on(HOSTNAME, Sort.Direction.ASC)
                .unique()
                .named("supervisor_host"));
        indexes.createIndex(new Index().on(LAST_SEEN_AT, Sort.Direction.ASC));
    }

    // publish

    public SupervisorInfo publish(Caller caller, PublishSupervisorRequest request) {
        String domain = caller.domain(request.domainId());
        if (caller.role() == Role.SUPERVISOR && !request.hostname().equals(caller.hostname())) {
            throw PlatformException.forbidden("a supervisor token publishes only as its own hostname");
        }
        if (request.isPublic() != null && !caller.isSystem()) {
            throw PlatformException.forbidden("only a SYSTEM token sets is_public");
        }
        FreeForm.checkDepth("tags", request.tags());
        if (request.agent() != null) {
            FreeForm.checkDepth("agent.labels", request.agent().labels());
        }
        for (int attempt = 0; ; attempt++) {
            SupervisorDocument current = findByHostname(domain, request.hostname());
            if (current == null) {
                try {
                    return withRevision(create(domain, request, caller.isSystem()));
                } catch (DuplicateKeyException e) {
                    if (attempt >= 1) {
                        throw PlatformException.of(
                                ErrorCode.ERROR_CONCURRENT_UPDATE, "key", HOSTNAME, "value", request.hostname());
                    }
                    continue; // a concurrent first publish created it: check the key against that one
                }
            }
            SupervisorDocument published = heartbeat(current, request, caller.isSystem());
            if (published != null) {
                reconcile(current, published, request.pluginInfo());
                return withRevision(published);
            }
            if (attempt >= 1) {
                throw PlatformException.of(
                        ErrorCode.ERROR_CONCURRENT_UPDATE, "key", SUPERVISOR_ID, "value", current.supervisorId());
            }
        }
    }

    /**
     * Applies the agent's report to the supervisor's installations — unless it is the report last applied completely at
     * the same desired revision. Every change to what the supervisor must run moves that revision (placement,
     * recovery, failure reports, deletions), so an identical report at an unchanged revision would change nothing: a
     * heartbeat then costs no read of the installations. A reconciliation that lost a change to a concurrent writer is
     * not recorded, so the next heartbeat applies the report again.
     */
    private void reconcile(SupervisorDocument before, SupervisorDocument after, List<ReportedPlugin> report) {
        long revision = after.desiredRevision() == null ? 0 : after.desiredRevision();
        String fingerprint = revision + ":" + fingerprint(report);
        if (fingerprint.equals(before.reconciledReport())) {
            return;
        }
        if (installations.reconcile(after.supervisorId(), report)) {
            mongo.updateFirst(
                    new org.springframework.data.mongodb.core.query.Query(Criteria.where(SUPERVISOR_ID)
                            .is(after.supervisorId())
                            .and(DESIRED_REVISION)
                            .is(after.desiredRevision())),
                    new Update().set(RECONCILED_REPORT, fingerprint),
                    SupervisorDocument.class);
        }
    }

    private String fingerprint(List<ReportedPlugin> report) {
        try {
            byte[] canonical = json.writeValueAsBytes(report == null ? List.of() : report);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private SupervisorDocument create(String domain, PublishSupervisorRequest request, boolean system) {
        if (request.secretKey() == null && properties.requireSecretKey()) {
            throw PlatformException.required("secret_key");
        }
        Instant now = Timestamps.now(clock);
        SupervisorState initial = properties.autoEnable() ? SupervisorState.ENABLED : SupervisorState.PENDING;
        SupervisorDocument created = mongo.insert(new SupervisorDocument(
                null,
                Ids.generate("supervisor"),
                domain,
                request.hostname(),
                request.name(),
                initial,
                initial,
                system && Boolean.TRUE.equals(request.isPublic()),
                SupervisorDocument.DEFAULT_PRIORITY,
                Map.of(),
                request.tags() != null ? request.tags() : Map.of(),
                reported(request),
                request.secretKey() == null ? null : SecretKeys.hash(request.secretKey()),
                now,
                0L,
                null,
                now,
                now));
        log.info(
                "Supervisor {} ({}) published for the first time in domain {}: {}",
                created.supervisorId(),
                created.hostname(),
                domain,
                initial);
        return created;
    }

    /**
     * Checks the key and records the heartbeat with one conditional update: it applies only while the administrative
     * state (which the stored state copies) and the stored key are what was read. Null when that changed meanwhile.
     */
    private SupervisorDocument heartbeat(SupervisorDocument current, PublishSupervisorRequest request, boolean system) {
        Criteria unchanged = Criteria.where(SUPERVISOR_ID)
                .is(current.supervisorId())
                .and(ADMIN_STATE)
                .is(current.adminState());
        Update update = new Update()
                .set(LAST_SEEN_AT, Timestamps.now(clock))
                .set(AGENT, reported(request))
                .set(STATE, current.adminState());
        if (current.secretHash() == null) {
            // the key was reset by an administrator (or never required): this publish sets the new one
            if (request.secretKey() == null && properties.requireSecretKey()) {
                throw PlatformException.required("secret_key");
            }
            unchanged = unchanged.and(SECRET_HASH).is(null);
            if (request.secretKey() != null) {
                update.set(SECRET_HASH, SecretKeys.hash(request.secretKey()));
            }
        } else {
            if (!SecretKeys.matches(request.secretKey(), current.secretHash())) {
                log.warn("Publish refused for supervisor {}: the secret key does not match", current.supervisorId());
                throw PlatformException.forbidden("the secret key does not match");
            }
            unchanged = unchanged.and(SECRET_HASH).is(current.secretHash());
        }
        if (system && request.isPublic() != null) {
            update.set(IS_PUBLIC, request.isPublic());
        }
        return mongo.findAndModify(
                new org.springframework.data.mongodb.core.query.Query(unchanged),
                update,
                FindAndModifyOptions.options().returnNew(true),
                SupervisorDocument.class);
    }

    /** What the agent says about itself, with its own name and tags (which stop being the supervisor's). */
    private static AgentInfo reported(PublishSupervisorRequest request) {
        AgentInfo agent = request.agent();
        if (agent == null) {
            return new AgentInfo(null, null, null, null, null, null, request.name(), request.tags());
        }
        return new AgentInfo(
                agent.version(),
                agent.runtime(),
                agent.capacity(),
                agent.labels(),
                agent.advertiseAddress(),
                agent.pluginCount(),
                request.name(),
                request.tags());
    }

    // register, update, enable, disable, deregister

    public SupervisorInfo register(Caller caller, String domainId, RegisterSupervisorRequest request) {
        requireId(request.supervisorId());
        Update fields = changes(caller, request);
        return view(transition(domainId, request.supervisorId(), Transition.REGISTER, fields));
    }

    public SupervisorInfo update(Caller caller, String domainId, RegisterSupervisorRequest request) {
        requireId(request.supervisorId());
        Update fields = changes(caller, request);
        if (Boolean.TRUE.equals(request.resetSecretKey())) {
            fields.set(SECRET_HASH, null);
        }
        fields.set(UPDATED_AT, Timestamps.now(clock));
        SupervisorDocument updated = mongo.findAndModify(
                byId(domainId, request.supervisorId()),
                fields,
                FindAndModifyOptions.options().returnNew(true),
                SupervisorDocument.class);
        if (updated == null) {
            throw PlatformException.notFound("supervisor_id", request.supervisorId());
        }
        if (Boolean.TRUE.equals(request.resetSecretKey())) {
            log.info(
                    "The secret key of supervisor {} was reset: its next publish sets a new one",
                    updated.supervisorId());
        }
        return view(updated);
    }

    public SupervisorInfo enable(String domainId, String supervisorId) {
        return view(transition(domainId, supervisorId, Transition.ENABLE, new Update()));
    }

    public SupervisorInfo disable(String domainId, String supervisorId) {
        return view(transition(domainId, supervisorId, Transition.DISABLE, new Update()));
    }

    public void deregister(String domainId, String supervisorId, boolean force) {
        SupervisorDocument supervisor = find(domainId, supervisorId);
        long installed = installations.countOn(supervisorId);
        if (installed > 0 && !force) {
            throw PlatformException.of(ErrorCode.ERROR_INSTALLED_PLUGIN_EXIST, "supervisor_id", supervisorId)
                    .withViolation("force", installed + " installed plugins; deregister with force to delete them");
        }
        if (installed > 0) {
            long deleted = installations.deleteOn(supervisorId);
            log.info("Deregistering supervisor {}: deleted its {} installed plugins", supervisorId, deleted);
        }
        mongo.remove(byId(domainId, supervisor.supervisorId()), SupervisorDocument.class);
        log.info("Deregistered supervisor {} ({}) in domain {}", supervisorId, supervisor.hostname(), domainId);
    }

    /** One conditional update: applies only from the transition's start states. 404 unknown, 409 wrong state. */
    private SupervisorDocument transition(String domainId, String supervisorId, Transition transition, Update fields) {
        requireId(supervisorId);
        org.springframework.data.mongodb.core.query.Query from = byId(domainId, supervisorId);
        from.addCriteria(Criteria.where(ADMIN_STATE).in(transition.from));
        fields.set(ADMIN_STATE, transition.to).set(STATE, transition.to).set(UPDATED_AT, Timestamps.now(clock));
        SupervisorDocument changed = mongo.findAndModify(
                from, fields, FindAndModifyOptions.options().returnNew(true), SupervisorDocument.class);
        if (changed != null) {
            return changed;
        }
        SupervisorDocument current = find(domainId, supervisorId);
        throw PlatformException.of(
                        ErrorCode.ERROR_SUPERVISOR_STATE, "supervisor_id", supervisorId, "state", current.adminState())
                .withViolation("state", transition.name().toLowerCase() + " needs one of " + transition.from);
    }

    /** The fields register and update set; {@code is_public} only for SYSTEM. */
    private Update changes(Caller caller, RegisterSupervisorRequest request) {
        if (request.isPublic() != null && !caller.isSystem()) {
            throw PlatformException.forbidden("only a SYSTEM token sets is_public");
        }
        Update update = new Update();
        if (request.name() != null) {
            update.set(NAME, request.name());
        }
        if (request.priority() != null) {
            update.set(PRIORITY, request.priority());
        }
        if (request.labels() != null) {
            update.set(LABELS, checkLabels(request.labels()));
        }
        if (request.tags() != null) {
            FreeForm.checkDepth("tags", request.tags());
            update.set(TAGS, request.tags());
        }
        if (request.isPublic() != null) {
            update.set(IS_PUBLIC, request.isPublic());
        }
        return update;
    }

    /** Labels are what callers' requested labels are matched against, key and value: keys and string values. */
    static Map<String, Object> checkLabels(Map<String, Object> labels) {
        for (Map.Entry<String, Object> label : labels.entrySet()) {
            if (!LABEL_KEY.matcher(label.getKey()).matches()) {
                throw PlatformException.invalid("labels", "a key must match " + LABEL_KEY.pattern())
                        .withViolation("labels", "invalid key " + label.getKey());
            }
            if (!(label.getValue() instanceof String value) || value.length() > MAX_LABEL_VALUE) {
                throw PlatformException.invalid(
                                "labels." + label.getKey(), "must be a string of at most 255 characters")
                        .withViolation("labels." + label.getKey(), "must be a string of at most 255 characters");
            }
        }
        return labels;
    }

    // get, list, stat

    public SupervisorInfo get(Caller caller, String domainId, String supervisorId) {
        return view(own(caller, domainId, supervisorId));
    }

    public ListResponse<SupervisorInfo> list(Caller caller, String domainId, SupervisorQuery request) {
        List<Condition> simple = new ArrayList<>();
        addEq(simple, "supervisor_id", request.supervisorId());
        addEq(simple, "name", request.name());
        addEq(simple, "hostname", request.hostname());
        addEq(simple, "state", request.state() == null ? null : request.state().name());
        if (request.isPublic() != null) {
            simple.add(new Condition("is_public", request.isPublic(), "eq"));
        }
        Query query = (request.query() != null ? request.query() : Query.empty()).withConditions(simple);
        var result = runner.list(
                translator.translate(query, FIELDS, scope(caller, domainId)), SupervisorDocument.COLLECTION);
        Instant now = Timestamps.now(clock);
        List<SupervisorInfo> supervisors = result.documents().stream()
                .map(document -> mongo.getConverter().read(SupervisorDocument.class, document))
                .map(supervisor -> SupervisorViews.info(supervisor, now, properties.disconnectAfter()))
                .toList();
        return new ListResponse<>(supervisors, result.totalCount());
    }

    public Map<String, Object> stat(Caller caller, String domainId, StatisticsQuery query) {
        var result = runner.stat(
                statistics.translate(query, FIELDS, scope(caller, domainId)), SupervisorDocument.COLLECTION);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("results", result.results());
        if (result.totalCount() != null) {
            answer.put("total_count", result.totalCount());
        }
        return answer;
    }

    // desired plugins

    /** The supervisor's desired revision (0 when it is unknown). */
    long desiredRevision(String supervisorId) {
        org.springframework.data.mongodb.core.query.Query byId = new org.springframework.data.mongodb.core.query.Query(
                Criteria.where(SUPERVISOR_ID).is(supervisorId));
        byId.fields().include(DESIRED_REVISION);
        SupervisorDocument supervisor = mongo.findOne(byId, SupervisorDocument.class);
        return supervisor == null || supervisor.desiredRevision() == null ? 0 : supervisor.desiredRevision();
    }

    /** Moves the supervisor's desired revision after its desired plugins changed, which wakes its agent's long-poll. */
    public void desiredPluginsChanged(String supervisorId) {
        SupervisorDocument changed = mongo.findAndModify(
                new org.springframework.data.mongodb.core.query.Query(
                        Criteria.where(SUPERVISOR_ID).is(supervisorId)),
                new Update().inc(DESIRED_REVISION, 1),
                FindAndModifyOptions.options().returnNew(true),
                SupervisorDocument.class);
        if (changed != null) {
            events.publishEvent(new DesiredPluginsChanged(supervisorId, changed.desiredRevision()));
        }
    }

    /** The supervisor of this domain with this hostname, or 404. */
    SupervisorDocument byHostname(String domainId, String hostname) {
        SupervisorDocument supervisor = findByHostname(domainId, hostname);
        if (supervisor == null) {
            throw PlatformException.notFound("hostname", hostname);
        }
        return supervisor;
    }

    /** A supervisor by id, whatever its domain, for features that resolve it themselves; null when unknown. */
    SupervisorDocument byIdAnyDomain(String supervisorId) {
        return mongo.findOne(
                new org.springframework.data.mongodb.core.query.Query(
                        Criteria.where(SUPERVISOR_ID).is(supervisorId)),
                SupervisorDocument.class);
    }

    /** The supervisor of the caller's domain, or 404; a SUPERVISOR token may name only its own (403). */
    SupervisorDocument own(Caller caller, String domainId, String supervisorId) {
        requireId(supervisorId);
        SupervisorDocument supervisor = find(domainId, supervisorId);
        if (caller.role() == Role.SUPERVISOR && !supervisor.hostname().equals(caller.hostname())) {
            throw PlatformException.forbidden("a supervisor token reads only its own supervisor");
        }
        return supervisor;
    }

    // eligibility

    /**
     * The supervisors that may serve the domain now, with every requested label's value equal (plugin-service.md §5
     * step 3). Reads the administrative state and the last publish, never the stored {@code state}. Labels are matched
     * here rather than in the query, because label keys may hold dots, which MongoDB would read as a path.
     */
    public List<SupervisorCandidate> eligible(String domainId, Map<String, Object> requested) {
        Instant seenSince = Timestamps.now(clock).minus(properties.disconnectAfter());
        List<SupervisorDocument> enabled = mongo.find(
                new org.springframework.data.mongodb.core.query.Query(new Criteria()
                        .andOperator(
                                Criteria.where(ADMIN_STATE).is(SupervisorState.ENABLED),
                                Criteria.where(LAST_SEEN_AT).gte(seenSince),
                                new Criteria()
                                        .orOperator(
                                                Criteria.where(DOMAIN_ID).is(domainId),
                                                Criteria.where(IS_PUBLIC).is(true)))),
                SupervisorDocument.class);
        List<SupervisorCandidate> candidates = new ArrayList<>();
        for (SupervisorDocument supervisor : enabled) {
            Map<String, Object> labels = supervisor.labels() == null ? Map.of() : supervisor.labels();
            boolean matches = requested == null
                    || requested.entrySet().stream()
                            .allMatch(label ->
                                    label.getValue() != null && label.getValue().equals(labels.get(label.getKey())));
            if (matches) {
                candidates.add(new SupervisorCandidate(
                        supervisor.supervisorId(),
                        supervisor.domainId(),
                        supervisor.name(),
                        supervisor.priority() == null ? SupervisorDocument.DEFAULT_PRIORITY : supervisor.priority(),
                        supervisor.agent() == null ? null : supervisor.agent().capacity(),
                        Boolean.TRUE.equals(supervisor.isPublic()),
                        labels));
            }
        }
        return candidates;
    }

    /** The supervisors (of any domain) whose last publish is older than {@code cutoff}. */
    public List<String> silentSince(Instant cutoff) {
        org.springframework.data.mongodb.core.query.Query silent =
                new org.springframework.data.mongodb.core.query.Query(
                        Criteria.where(LAST_SEEN_AT).lt(cutoff));
        silent.fields().include(SUPERVISOR_ID);
        return mongo.find(silent, SupervisorDocument.class).stream()
                .map(SupervisorDocument::supervisorId)
                .toList();
    }

    // the disconnect job

    /** Sets the stored state of every supervisor silent for longer than {@code disconnect-after}; how many. */
    long markDisconnected() {
        Instant cutoff = Timestamps.now(clock).minus(properties.disconnectAfter());
        return mongo.updateMulti(
                        new org.springframework.data.mongodb.core.query.Query(Criteria.where(LAST_SEEN_AT)
                                .lt(cutoff)
                                .and(STATE)
                                .ne(SupervisorState.DISCONNECTED)),
                        new Update().set(STATE, SupervisorState.DISCONNECTED),
                        SupervisorDocument.class)
                .getModifiedCount();
    }

    // helpers

    /** What the caller may read: its domain's supervisors; for a SUPERVISOR token, only its own. */
    private static Criteria scope(Caller caller, String domainId) {
        Criteria scope = Criteria.where(DOMAIN_ID).is(domainId);
        return caller.role() == Role.SUPERVISOR ? scope.and(HOSTNAME).is(caller.hostname()) : scope;
    }

    private SupervisorInfo view(SupervisorDocument supervisor) {
        return SupervisorViews.info(supervisor, Timestamps.now(clock), properties.disconnectAfter());
    }

    /** What publish answers: the supervisor and the revision of its desired plugins. */
    private SupervisorInfo withRevision(SupervisorDocument supervisor) {
        return view(supervisor)
                .withDesiredRevision(supervisor.desiredRevision() == null ? 0 : supervisor.desiredRevision());
    }

    private SupervisorDocument find(String domainId, String supervisorId) {
        SupervisorDocument supervisor = mongo.findOne(byId(domainId, supervisorId), SupervisorDocument.class);
        if (supervisor == null) {
            throw PlatformException.notFound("supervisor_id", supervisorId);
        }
        return supervisor;
    }

    private SupervisorDocument findByHostname(String domainId, String hostname) {
        return mongo.findOne(
                new org.springframework.data.mongodb.core.query.Query(
                        Criteria.where(DOMAIN_ID).is(domainId).and(HOSTNAME).is(hostname)),
                SupervisorDocument.class);
    }

    private static org.springframework.data.mongodb.core.query.Query byId(String domainId, String supervisorId) {
        return new org.springframework.data.mongodb.core.query.Query(
                Criteria.where(SUPERVISOR_ID).is(supervisorId).and(DOMAIN_ID).is(domainId));
    }

    private static void requireId(String supervisorId) {
        if (supervisorId == null || supervisorId.isBlank()) {
            throw PlatformException.required("supervisor_id");
        }
    }

    private static void addEq(List<Condition> conditions, String key, String value) {
        if (value != null && !value.isBlank()) {
            conditions.add(new Condition(key, value, "eq"));
        }
    }
}
