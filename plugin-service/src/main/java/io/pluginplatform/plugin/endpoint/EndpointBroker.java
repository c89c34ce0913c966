package io.pluginplatform.plugin.endpoint;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.pluginplatform.common.api.plugin.InstalledPluginState;
import io.pluginplatform.common.api.plugin.PluginEndpoint;
import io.pluginplatform.common.api.plugin.PluginEndpointRequest;
import io.pluginplatform.common.api.plugin.UpgradeMode;
import io.pluginplatform.common.api.repository.PluginInfo;
import io.pluginplatform.common.api.repository.PluginState;
import io.pluginplatform.common.api.repository.RegistryType;
import io.pluginplatform.common.api.repository.RepositoryType;
import io.pluginplatform.common.auth.Caller;
import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import io.pluginplatform.common.time.Timestamps;
import io.pluginplatform.plugin.catalogue.Catalogue;
import io.pluginplatform.plugin.installation.InstalledPluginDocument;
import io.pluginplatform.plugin.installation.InstalledPlugins;
import io.pluginplatform.plugin.supervisor.SupervisorCandidate;
import io.pluginplatform.plugin.supervisor.SupervisorService;
import io.pluginplatform.plugin.token.AccessTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * get_plugin_endpoint (plugin-service.md §5): resolve the version and the plugin, find the eligible supervisors, then
 * serve a running installation, join a starting one, or place a new one — and wait for it without holding a thread.
 *
 * <p>The hot path (an {@code ACTIVE} installation, everything cached) calls no other service and reads the database
 * once: the installations of the version on the eligible supervisors.
 */
@Service
class EndpointBroker {

    private static final Set<InstalledPluginState> STARTING =
            Set.of(InstalledPluginState.PROVISIONING, InstalledPluginState.RE_PROVISIONING);
    /** How long a claim may name an installation its winner has not written yet. */
    private static final Duration CLAIM_GRACE = Duration.ofSeconds(10);

    private static final int MAX_TIMEOUT_SECONDS = 300;

    private final Catalogue catalogue;
    private final SupervisorService supervisors;
    private final InstalledPlugins installations;
    private final PlacementClaims claims;
    private final InstallationWaiters waiters;
    private final AccessTokens tokens;
    private final EndpointProperties properties;
    private final Clock clock;
    private final Cache<String, List<SupervisorCandidate>> eligible;
    private final Cache<String, Instant> calledAt;
    private final AtomicLong roundRobin = new AtomicLong();

    EndpointBroker(
            Catalogue catalogue,
            SupervisorService supervisors,
            InstalledPlugins installations,
            PlacementClaims claims,
            InstallationWaiters waiters,
            AccessTokens tokens,
            EndpointProperties properties,
            Clock clock) {
        this.catalogue = catalogue;
        this.supervisors = supervisors;
        this.installations = installations;
        this.claims = claims;
        this.waiters = waiters;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
        this.eligible = Caffeine.newBuilder()
                .expireAfterWrite(properties.eligibilityCacheTtl())
                .maximumSize(10_000)
                .build();
        this.calledAt = Caffeine.newBuilder()
                .expireAfterWrite(properties.calledAtInterval())
                .maximumSize(100_000)
                .build();
    }

    /** One request being answered: who asks, for what, and where it may run. */
    private record Ask(
            Caller caller,
            String domainId,
            String pluginId,
            String version,
            String pluginKey,
            PluginInfo plugin,
            Map<String, Object> labels,
            Map<String, SupervisorCandidate> eligible) {}

    DeferredResult<PluginEndpoint> endpoint(Caller caller, String domainId, PluginEndpointRequest request) {
        String pluginId = request.pluginId();
        if (pluginId == null || pluginId.isBlank()) {
            throw PlatformException.required("plugin_id");
        }
        Map<String, Object> labels = checkLabels(request.labels());
        Duration timeout = timeout(request.timeoutSeconds());
        PluginInfo plugin = catalogue.plugin(domainId, pluginId);
        if (plugin.state() == PluginState.DISABLED) {
            throw PlatformException.of(ErrorCode.ERROR_PLUGIN_DISABLED, "plugin_id", pluginId);
        }
        String version = version(domainId, pluginId, request);
        Map<String, SupervisorCandidate> candidates = eligible(domainId, labels);
        if (candidates.isEmpty()) {
            throw PlatformException.of(ErrorCode.ERROR_NO_POSSIBLE_SUPERVISOR, "plugin_id", pluginId);
        }
        Ask ask = new Ask(caller, domainId, pluginId, version, pluginKey(plugin, domainId), plugin, labels, candidates);
        List<InstalledPluginDocument> installed = installations.of(ask.pluginKey(), version, candidates.keySet());

        DeferredResult<PluginEndpoint> answer = new DeferredResult<>(timeout.toMillis());
        Optional<InstalledPluginDocument> active = best(ask, installed, InstalledPluginState.ACTIVE);
        if (active.isPresent()) {
            answer.setResult(serve(ask, active.get()));
            return answer;
        }
        Optional<InstalledPluginDocument> starting = installed.stream()
                .filter(installation -> STARTING.contains(installation.state()))
                .min(preference(ask));
        InstalledPluginDocument awaited = starting.isPresent() ? starting.get() : place(ask, installed);
        waitFor(ask, awaited.id(), Timestamps.now(clock), answer);
        return answer;
    }

    // 1. the version

    private String version(String domainId, String pluginId, PluginEndpointRequest request) {
        String requested = request.version() == null || request.version().isBlank() ? null : request.version();
        if (requested == null || request.upgradeMode() == UpgradeMode.AUTO) {
            return catalogue.latest(domainId, pluginId);
        }
        if (!catalogue.versions(domainId, pluginId).contains(requested)) {
            throw PlatformException.of(
                            ErrorCode.ERROR_INVALID_PLUGIN_VERSION, "plugin_id", pluginId, "version", requested)
                    .withViolation("version", "the registry has no such tag");
        }
        return requested;
    }

    // 3. eligible supervisors, cached briefly

    private Map<String, SupervisorCandidate> eligible(String domainId, Map<String, Object> labels) {
        String key = domainId + "|" + new TreeMap<>(labels);
        List<SupervisorCandidate> found = eligible.get(key, k -> supervisors.eligible(domainId, labels));
        Map<String, SupervisorCandidate> byId = new LinkedHashMap<>();
        found.forEach(candidate -> byId.put(candidate.supervisorId(), candidate));
        return byId;
    }

    // 4. serve

    private PluginEndpoint serve(Ask ask, InstalledPluginDocument installation) {
        List<String> endpoints = installation.endpoints();
        String endpoint = endpoints.get((int) Math.floorMod(roundRobin.getAndIncrement(), (long) endpoints.size()));
        String calledKey = installation.id() + "|" + ask.domainId();
        if (calledAt.getIfPresent(calledKey) == null) {
            // at most one write a minute per installation and domain, not one per call
            calledAt.put(calledKey, Timestamps.now(clock));
            installations.called(installation.id(), ask.domainId());
        }
        String token = tokens.issue(ask.caller().subject(), ask.domainId(), ask.pluginId(), ask.version());
        return new PluginEndpoint(endpoint, token, ask.version(), installation.supervisorId());
    }

    /** The preferred installation in the state: the caller's own supervisors, then priority, then fewest failures. */
    private Optional<InstalledPluginDocument> best(
            Ask ask, List<InstalledPluginDocument> installed, InstalledPluginState state) {
        return installed.stream()
                .filter(installation -> installation.state() == state)
                .filter(installation -> state != InstalledPluginState.ACTIVE
                        || (installation.endpoints() != null
                                && !installation.endpoints().isEmpty()))
                .min(preference(ask));
    }

    private Comparator<InstalledPluginDocument> preference(Ask ask) {
        return Comparator.<InstalledPluginDocument>comparingInt(installation ->
                        ask.eligible().get(installation.supervisorId()).ownedBy(ask.domainId()) ? 0 : 1)
                .thenComparingInt(installation ->
                        -ask.eligible().get(installation.supervisorId()).priority())
                .thenComparingInt(
                        installation -> installation.failureCount() == null ? 0 : installation.failureCount());
    }

    // 5-6. place: one caller wins the placement claim, the others wait on the installation it names

    private InstalledPluginDocument place(Ask ask, List<InstalledPluginDocument> installed) {
        String claimKey = PlacementClaims.key(ask.pluginKey(), ask.version(), ask.domainId(), ask.labels());
        for (int attempt = 0; attempt < 5; attempt++) {
            PlacementClaims.Claim claim = claims.find(claimKey);
            if (claim != null) {
                InstalledPluginDocument claimed = claimed(ask, claim);
                if (claimed != null) {
                    return claimed;
                }
                claims.release(claim);
                continue;
            }
            SupervisorCandidate chosen = choose(ask, installed);
            String installationId = new ObjectId().toHexString();
            if (claims.claim(claimKey, chosen.supervisorId(), installationId)) {
                InstalledPluginDocument placed = installations.install(newInstallation(ask, chosen, installationId));
                supervisors.desiredPluginsChanged(chosen.supervisorId());
                return placed;
            }
        }
        throw PlatformException.of(ErrorCode.ERROR_SERVICE_UNAVAILABLE, "reason", "placement is contended, retry");
    }

    /**
     * The installation a claim names, if it is still worth waiting for: on a supervisor that is still eligible, and
     * not failed. An installation its winner has not written yet counts while the claim is fresh. Null: release it.
     */
    private InstalledPluginDocument claimed(Ask ask, PlacementClaims.Claim claim) {
        if (!ask.eligible().containsKey(claim.supervisorId())) {
            return null;
        }
        InstalledPluginDocument installation = installations.byId(claim.installationId());
        if (installation == null) {
            installation = installations.on(claim.supervisorId(), ask.pluginKey(), ask.version());
        }
        if (installation == null) {
            boolean fresh = claim.claimedAt().plus(CLAIM_GRACE).isAfter(Timestamps.now(clock));
            return fresh ? pending(claim) : null;
        }
        return installation.state() == InstalledPluginState.ERROR ? null : installation;
    }

    /** The installation a fresh claim's winner is writing: waited on by its id. */
    private static InstalledPluginDocument pending(PlacementClaims.Claim claim) {
        return new InstalledPluginDocument(
                claim.installationId(),
                claim.supervisorId(),
                null,
                null,
                null,
                null,
                InstalledPluginState.PROVISIONING,
                null,
                List.of(),
                0L,
                0,
                List.of(),
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null);
    }

    /**
     * Where to place: the caller's own supervisors first, then higher priority, then fewest installed plugins, then at
     * random; never a supervisor at capacity or one where this version already failed. None left: 502 with the
     * failure when the version failed everywhere it could run, else 503.
     */
    private SupervisorCandidate choose(Ask ask, List<InstalledPluginDocument> installed) {
        Map<String, InstalledPluginDocument> bySupervisor = new HashMap<>();
        installed.forEach(installation -> bySupervisor.put(installation.supervisorId(), installation));
        List<SupervisorCandidate> open = new ArrayList<>();
        Map<String, Long> load = new HashMap<>();
        for (SupervisorCandidate candidate : ask.eligible().values()) {
            InstalledPluginDocument there = bySupervisor.get(candidate.supervisorId());
            if (there != null && there.state() == InstalledPluginState.ERROR) {
                continue;
            }
            long count = installations.countOn(candidate.supervisorId());
            if (candidate.capacity() != null && count >= candidate.capacity()) {
                continue;
            }
            load.put(candidate.supervisorId(), count);
            open.add(candidate);
        }
        if (open.isEmpty()) {
            Optional<InstalledPluginDocument> failed = installed.stream()
                    .filter(installation -> installation.state() == InstalledPluginState.ERROR)
                    .findFirst();
            if (failed.isPresent()) {
                throw failure(ask.pluginId(), failed.get().lastError());
            }
            throw PlatformException.of(ErrorCode.ERROR_NO_POSSIBLE_SUPERVISOR, "plugin_id", ask.pluginId())
                    .withViolation("supervisor", "every eligible supervisor is at capacity");
        }
        Map<String, Integer> tieBreak = open.stream()
                .collect(Collectors.toMap(
                        SupervisorCandidate::supervisorId,
                        c -> ThreadLocalRandom.current().nextInt()));
        return open.stream()
                .min(Comparator.<SupervisorCandidate>comparingInt(c -> c.ownedBy(ask.domainId()) ? 0 : 1)
                        .thenComparingInt(c -> -c.priority())
                        .thenComparingLong(c -> load.get(c.supervisorId()))
                        .thenComparingInt(c -> tieBreak.get(c.supervisorId())))
                .orElseThrow();
    }

    private InstalledPluginDocument newInstallation(Ask ask, SupervisorCandidate supervisor, String id) {
        Instant now = Timestamps.now(clock);
        PluginInfo plugin = ask.plugin();
        return new InstalledPluginDocument(
                id,
                supervisor.supervisorId(),
                supervisor.domainId(),
                ask.pluginKey(),
                ask.pluginId(),
                ask.version(),
                InstalledPluginState.PROVISIONING,
                null,
                List.of(),
                0L,
                0,
                List.of(),
                null,
                false,
                null,
                null,
                List.of(ask.domainId()),
                image(plugin, ask.version()),
                publicConfig(plugin.registryConfig()),
                plugin.capability() == null ? Map.of() : plugin.capability(),
                now,
                now);
    }

    // 7. wait

    private void waitFor(Ask ask, String installationId, Instant since, DeferredResult<PluginEndpoint> answer) {
        Runnable cancel = waiters.await(installationId, installation -> {
            if (answer.isSetOrExpired()) {
                return true;
            }
            if (installation == null) {
                if (since.plus(CLAIM_GRACE).isAfter(Timestamps.now(clock))) {
                    return false; // the claim's winner is writing it
                }
                answer.setErrorResult(PlatformException.of(
                        ErrorCode.ERROR_SERVICE_UNAVAILABLE, "reason", "the installation was removed, retry"));
                return true;
            }
            if (installation.state() == InstalledPluginState.ACTIVE
                    && installation.endpoints() != null
                    && !installation.endpoints().isEmpty()) {
                answer.setResult(serve(ask, installation));
                return true;
            }
            if (installation.state() == InstalledPluginState.ERROR) {
                answer.setErrorResult(failure(ask.pluginId(), installation.lastError()));
                return true;
            }
            return false;
        });
        answer.onTimeout(() -> answer.setErrorResult(PlatformException.of(
                ErrorCode.ERROR_INSTALL_PLUGIN_TIMEOUT, "plugin_id", ask.pluginId(), "version", ask.version())));
        answer.onCompletion(cancel);
        answer.onError(error -> cancel.run());
    }

    // helpers

    private Duration timeout(Integer seconds) {
        if (seconds == null) {
            return properties.defaultTimeout();
        }
        return Duration.ofSeconds(Math.min(seconds, MAX_TIMEOUT_SECONDS));
    }

    private static Map<String, Object> checkLabels(Map<String, Object> labels) {
        if (labels == null) {
            return Map.of();
        }
        for (Map.Entry<String, Object> label : labels.entrySet()) {
            if (!(label.getValue() instanceof String)) {
                throw PlatformException.invalid("labels." + label.getKey(), "must be a string");
            }
        }
        return labels;
    }

    private static PlatformException failure(String pluginId, String lastError) {
        return PlatformException.of(
                ErrorCode.ERROR_PLUGIN_PROVISIONING_FAILED,
                "plugin_id",
                pluginId,
                "reason",
                lastError != null ? lastError : "the agent could not start it");
    }

    /** Names the catalogue entry unambiguously: two domains may own different local plugins with the same id. */
    static String pluginKey(PluginInfo plugin, String domainId) {
        RepositoryType type = plugin.repositoryInfo() == null
                ? RepositoryType.LOCAL
                : plugin.repositoryInfo().repositoryType();
        return switch (type) {
            case MANAGED -> "managed/" + plugin.pluginId();
            case REMOTE -> "remote/" + plugin.repositoryInfo().repositoryId() + "/" + plugin.pluginId();
            case LOCAL ->
                "local/" + (plugin.domainId() != null ? plugin.domainId() : domainId) + "/" + plugin.pluginId();
        };
    }

    /** What the agent pulls: {@code registry_url/image:version} (Docker Hub's official images under library/). */
    static String image(PluginInfo plugin, String version) {
        String image = plugin.image();
        if (plugin.registryType() == RegistryType.DOCKER_HUB && !image.contains("/")) {
            image = "library/" + image;
        }
        String registry = plugin.registryUrl();
        return (registry == null || registry.isBlank() ? "" : registry + "/") + image + ":" + version;
    }

    /** The part of registry_config an agent may see: never credentials. */
    static Map<String, Object> publicConfig(Map<String, Object> config) {
        Map<String, Object> visible = new LinkedHashMap<>();
        if (config != null) {
            for (String key : List.of("insecure", "image_pull_secret")) {
                if (config.containsKey(key)) {
                    visible.put(key, config.get(key));
                }
            }
        }
        return visible;
    }
}
