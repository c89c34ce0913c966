package io.pluginplatform.repository.plugin;

import io.pluginplatform.common.api.ListResponse;
import io.pluginplatform.common.api.repository.CreatePluginRequest;
import io.pluginplatform.common.api.repository.GetRepositoryPluginRequest;
import io.pluginplatform.common.api.repository.PluginInfo;
import io.pluginplatform.common.api.repository.PluginQuery;
import io.pluginplatform.common.api.repository.PluginStatQuery;
import io.pluginplatform.common.api.repository.PluginState;
import io.pluginplatform.common.api.repository.RepositoryInfo;
import io.pluginplatform.common.api.repository.RepositoryPluginRequest;
import io.pluginplatform.common.api.repository.RepositoryType;
import io.pluginplatform.common.api.repository.UpdatePluginRequest;
import io.pluginplatform.common.api.repository.VersionsInfo;
import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import io.pluginplatform.common.query.Condition;
import io.pluginplatform.common.query.Query;
import io.pluginplatform.common.time.Timestamps;
import io.pluginplatform.repository.registry.RegistryCredentials;
import io.pluginplatform.repository.registry.RegistryVersions;
import io.pluginplatform.repository.repository.RemoteRepository;
import io.pluginplatform.repository.repository.RemoteRepositoryClient;
import io.pluginplatform.repository.repository.Repositories;
import io.pluginplatform.repository.repository.RepositoryService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * The catalogue's rules: register (validate everything, verify the image in its registry, then insert), update with
 * optimistic locking, enable/disable/deregister of local plugins, and get, list, stat and versions across the local,
 * managed and remote repositories.
 */
@Service
public class PluginService {

    private static final Logger log = LoggerFactory.getLogger(PluginService.class);

    private final MongoTemplate mongo;
    private final PluginRequests validation;
    private final PluginSearch search;
    private final RegistryVersions registry;
    private final RepositoryService repositories;
    private final RemoteRepositoryClient remotes;
    private final Clock clock;

    PluginService(
            MongoTemplate mongo,
            PluginRequests validation,
            PluginSearch search,
            RegistryVersions registry,
            RepositoryService repositories,
            RemoteRepositoryClient remotes,
            Clock clock) {
        this.mongo = mongo;
        this.validation = validation;
        this.search = search;
        this.registry = registry;
        this.repositories = repositories;
        this.remotes = remotes;
        this.clock = clock;
    }

    /** Creates the indexes; the unique one makes (repository, domain, plugin id) impossible to duplicate. */
    @EventListener(ApplicationStartedEvent.class)
    void createIndexes() {
        var indexes = mongo.indexOps(PluginDocument.COLLECTION);
        indexes.createIndex(new Index()
                .on("repository_id", Sort.Direction.ASC)
                .on("domain_id", Sort.Direction.ASC)
                .on("plugin_id", Sort.Direction.ASC)
                .unique()
                .named("plugin_identity"));
        indexes.createIndex(new Index().on("created_at", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("service_type", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("provider", Sort.Direction.ASC));
    }

    public PluginInfo register(String domainId, CreatePluginRequest request) {
        PluginDocument candidate = validation.newPlugin(domainId, request, Timestamps.now(clock));
        if (findLocal(domainId, candidate.pluginId()) != null) {
            throw duplicate(candidate.pluginId());
        }
        List<String> tags = registry.versions(
                candidate.registryType(),
                candidate.registryUrl(),
                candidate.image(),
                RegistryCredentials.fromConfig(validation.decryptedConfig(candidate.registryConfig())));
        if (tags.isEmpty()) {
            throw PlatformException.of(
                            ErrorCode.ERROR_NO_IMAGE_IN_REGISTRY,
                            "registry_url",
                            candidate.registryUrl(),
                            "image",
                            candidate.image())
                    .withViolation("image", "has no tag in the registry");
        }
        try {
            PluginDocument saved = mongo.insert(candidate);
            log.info("Registered plugin {} in domain {}", saved.pluginId(), domainId);
            return PluginViews.info(saved, Repositories.LOCAL);
        } catch (DuplicateKeyException e) {
            throw duplicate(candidate.pluginId());
        }
    }

    public PluginInfo update(String domainId, UpdatePluginRequest request) {
        if (request.pluginId() == null || request.pluginId().isBlank()) {
            throw PlatformException.required("plugin_id");
        }
        validation.checkUpdate(request);
        return changeLocal(
                domainId,
                request.pluginId(),
                current -> current.withChanges(
                        request.name(),
                        request.capability(),
                        request.template(),
                        PluginRequests.distinct(request.labels()),
                        request.tags(),
                        Timestamps.now(clock)));
    }

    public PluginInfo setState(String domainId, String pluginId, PluginState state) {
        return changeLocal(domainId, pluginId, current -> current.withState(state, Timestamps.now(clock)));
    }

    public void deregister(String domainId, String pluginId) {
        PluginDocument current = localOrRefuse(domainId, pluginId);
        mongo.remove(current);
        log.info("Deregistered plugin {} in domain {}", pluginId, domainId);
    }

    public PluginInfo get(String domainId, GetRepositoryPluginRequest request) {
        List<String> only = PluginViews.checkOnly(request.only());
        PluginInfo found = find(domainId, request.pluginId(), request.repositoryId());
        return PluginViews.only(found, only);
    }

    public VersionsInfo versions(String domainId, RepositoryPluginRequest request) {
        Located located = locate(domainId, request.pluginId(), request.repositoryId());
        if (located.remote() != null) {
            Map<String, Object> forwarded = new LinkedHashMap<>();
            forwarded.put("plugin_id", request.pluginId());
            return remotes.versions(located.remote(), forwarded);
        }
        PluginDocument plugin = located.document();
        List<String> tags = registry.versions(
                plugin.registryType(),
                plugin.registryUrl(),
                plugin.image(),
                RegistryCredentials.fromConfig(validation.decryptedConfig(plugin.registryConfig())));
        return new VersionsInfo(tags.size(), tags);
    }

    public ListResponse<PluginInfo> list(String domainId, PluginQuery request, ListWarnings warnings) {
        List<Condition> simple = new ArrayList<>();
        addEq(simple, "plugin_id", request.pluginId());
        addEq(simple, "name", request.name());
        addEq(simple, "state", request.state() == null ? null : request.state().name());
        addEq(simple, "service_type", request.serviceType());
        addEq(simple, "provider", request.provider());
        addEq(
                simple,
                "registry_type",
                request.registryType() == null ? null : request.registryType().name());
        Query query = (request.query() != null ? request.query() : Query.empty()).withConditions(simple);
        String repositoryId = blankToNull(request.repositoryId());
        if (repositoryId == null) {
            return search.listEverywhere(domainId, query, repositories.remotes(), warnings);
        }
        RepositoryInfo repository = repositories.describe(repositoryId);
        if (repository.repositoryType() == RepositoryType.REMOTE) {
            return search.listRemote(repositories.remoteRepository(repositoryId), query);
        }
        return search.listStored(query, scope(domainId, repository));
    }

    public Map<String, Object> stat(String domainId, PluginStatQuery request) {
        RepositoryInfo repository = repositories.describe(request.repositoryId());
        if (repository.repositoryType() == RepositoryType.REMOTE) {
            return search.statRemote(repositories.remoteRepository(request.repositoryId()), request.query());
        }
        return search.statStored(request.query(), scope(domainId, repository));
    }

    private PluginInfo find(String domainId, String pluginId, String repositoryId) {
        Located located = locate(domainId, pluginId, repositoryId);
        if (located.remote() != null) {
            Map<String, Object> forwarded = new LinkedHashMap<>();
            forwarded.put("plugin_id", pluginId);
            PluginInfo remote = remotes.get(located.remote(), forwarded);
            return PluginViews.withRepository(remote, located.remote().info().reference());
        }
        return PluginViews.info(located.document(), located.repository());
    }

    /**
     * Finds a plugin: in the named repository, or in the lookup order local, managed, then remotes in registration
     * order. A remote that is down makes the answer 503, never 404.
     */
    private Located locate(String domainId, String pluginId, String repositoryId) {
        String named = blankToNull(repositoryId);
        if (named != null) {
            RepositoryInfo repository = repositories.describe(named);
            if (repository.repositoryType() == RepositoryType.REMOTE) {
                RemoteRepository remote = repositories.remoteRepository(named);
                remotes.get(remote, Map.of("plugin_id", pluginId));
                return new Located(null, repository, remote);
            }
            PluginDocument document = mongo.findOne(
                    new org.springframework.data.mongodb.core.query.Query(
                            scope(domainId, repository).and("plugin_id").is(pluginId)),
                    PluginDocument.class);
            if (document == null) {
                throw PlatformException.notFound("plugin_id", pluginId);
            }
            return new Located(document, repository, null);
        }
        PluginDocument local = findLocal(domainId, pluginId);
        if (local != null) {
            return new Located(local, Repositories.LOCAL, null);
        }
        PluginDocument managed = findManaged(pluginId);
        if (managed != null) {
            return new Located(managed, Repositories.MANAGED, null);
        }
        PlatformException unavailable = null;
        for (RemoteRepository remote : repositories.remotes()) {
            try {
                remotes.get(remote, Map.of("plugin_id", pluginId));
                return new Located(null, remote.info().reference(), remote);
            } catch (PlatformException e) {
                if (e.code() == ErrorCode.ERROR_REPOSITORY_UNAVAILABLE) {
                    unavailable = e;
                } else if (e.code() != ErrorCode.ERROR_NOT_FOUND) {
                    throw e;
                }
            }
        }
        if (unavailable != null) {
            throw unavailable;
        }
        throw PlatformException.notFound("plugin_id", pluginId);
    }

    private PluginInfo changeLocal(
            String domainId, String pluginId, java.util.function.UnaryOperator<PluginDocument> change) {
        for (int attempt = 0; ; attempt++) {
            PluginDocument current = localOrRefuse(domainId, pluginId);
            try {
                return PluginViews.info(mongo.save(change.apply(current)), Repositories.LOCAL);
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= 1) {
                    throw PlatformException.of(
                            ErrorCode.ERROR_CONCURRENT_UPDATE, "key", "plugin_id", "value", pluginId);
                }
            }
        }
    }

    /** The local plugin; a managed or remote one is 409, an unknown one 404. */
    private PluginDocument localOrRefuse(String domainId, String pluginId) {
        PluginDocument local = findLocal(domainId, pluginId);
        if (local != null) {
            return local;
        }
        if (findManaged(pluginId) != null) {
            throw PlatformException.of(ErrorCode.ERROR_NOT_LOCAL_REPOSITORY, "repository_id", Repositories.MANAGED_ID);
        }
        throw PlatformException.notFound("plugin_id", pluginId);
    }

    private PluginDocument findLocal(String domainId, String pluginId) {
        return mongo.findOne(
                new org.springframework.data.mongodb.core.query.Query(
                        scope(domainId, Repositories.LOCAL).and("plugin_id").is(pluginId)),
                PluginDocument.class);
    }

    private PluginDocument findManaged(String pluginId) {
        return mongo.findOne(
                new org.springframework.data.mongodb.core.query.Query(
                        scope(null, Repositories.MANAGED).and("plugin_id").is(pluginId)),
                PluginDocument.class);
    }

    /** What a caller of this domain may see of a stored repository: its own local plugins, or the managed ones. */
    static Criteria scope(String domainId, RepositoryInfo repository) {
        if (repository.repositoryType() == RepositoryType.MANAGED) {
            return Criteria.where("repository_id").is(Repositories.MANAGED_ID);
        }
        return Criteria.where("repository_id")
                .is(Repositories.LOCAL_ID)
                .and("domain_id")
                .is(domainId);
    }

    private static PlatformException duplicate(String pluginId) {
        return PlatformException.of(ErrorCode.ERROR_SAVE_UNIQUE_VALUES, "keys", "[plugin_id, domain_id]")
                .withViolation("plugin_id", "a plugin with this id exists in the domain (" + pluginId + ")");
    }

    private static void addEq(List<Condition> conditions, String key, String value) {
        if (value != null && !value.isBlank()) {
            conditions.add(new Condition(key, value, "eq"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private record Located(PluginDocument document, RepositoryInfo repository, RemoteRepository remote) {}
}
