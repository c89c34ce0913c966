package io.pluginplatform.repository.repository;

import io.pluginplatform.common.api.ListResponse;
import io.pluginplatform.common.api.repository.CreateRepositoryRequest;
import io.pluginplatform.common.api.repository.RepositoryInfo;
import io.pluginplatform.common.api.repository.RepositoryQuery;
import io.pluginplatform.common.api.repository.RepositoryType;
import io.pluginplatform.common.api.repository.UpdateRepositoryRequest;
import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import io.pluginplatform.common.id.Ids;
import io.pluginplatform.common.query.Condition;
import io.pluginplatform.common.query.FieldCatalogue;
import io.pluginplatform.common.query.FieldType;
import io.pluginplatform.common.query.Query;
import io.pluginplatform.common.query.QueryRunner;
import io.pluginplatform.common.query.QueryTranslator;
import io.pluginplatform.common.time.Timestamps;
import io.pluginplatform.repository.system.SecretCipher;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * Repositories: the local and managed ones, which always exist, and remote repository-services registered by SYSTEM
 * callers. Remote tokens are stored encrypted and never returned.
 */
@Service
public class RepositoryService {

    static final FieldCatalogue FIELDS = FieldCatalogue.builder()
            .field("repository_id", FieldType.STRING)
            .field("name", FieldType.STRING)
            .field("repository_type", FieldType.STRING)
            .field("endpoint", FieldType.STRING)
            .field("created_at", FieldType.DATETIME)
            .field("updated_at", FieldType.DATETIME)
            .keywordFields("repository_id", "name")
            .minimalFields("repository_id", "name", "repository_type")
            .build();

    private final MongoTemplate mongo;
    private final QueryTranslator translator;
    private final QueryRunner runner;
    private final SecretCipher cipher;
    private final RemoteRepositoryClient remotes;
    private final Clock clock;

    RepositoryService(
            MongoTemplate mongo,
            QueryTranslator translator,
            QueryRunner runner,
            SecretCipher cipher,
            RemoteRepositoryClient remotes,
            Clock clock) {
        this.mongo = mongo;
        this.translator = translator;
        this.runner = runner;
        this.cipher = cipher;
        this.remotes = remotes;
        this.clock = clock;
    }

    /** Creates the indexes and the two built-in repositories; refuses to start when the database cannot. */
    @EventListener(ApplicationStartedEvent.class)
    void initialise() {
        var indexes = mongo.indexOps(RepositoryDocument.COLLECTION);
        indexes.createIndex(new Index().on("repository_id", Sort.Direction.ASC).unique());
        indexes.createIndex(new Index().on("name", Sort.Direction.ASC).unique());
        indexes.createIndex(new Index().on("created_at", Sort.Direction.ASC));
        Instant epoch = Instant.EPOCH;
        for (RepositoryInfo builtIn : List.of(Repositories.LOCAL, Repositories.MANAGED)) {
            if (find(builtIn.repositoryId()) == null) {
                try {
                    mongo.insert(new RepositoryDocument(
                            builtIn.repositoryId(),
                            builtIn.repositoryId(),
                            builtIn.name(),
                            builtIn.repositoryType().wireName(),
                            null,
                            null,
                            epoch,
                            epoch,
                            null));
                } catch (DuplicateKeyException raced) {
                    // another instance created it first
                }
            }
        }
    }

    public RepositoryInfo register(CreateRepositoryRequest request) {
        String endpoint = validEndpoint("endpoint", request.endpoint());
        Instant now = Timestamps.now(clock);
        String id = Ids.generate("repo");
        RepositoryDocument document = new RepositoryDocument(
                id,
                id,
                request.name(),
                RepositoryType.REMOTE.wireName(),
                endpoint,
                cipher.encrypt(request.token()),
                now,
                now,
                null);
        try {
            return info(mongo.insert(document));
        } catch (DuplicateKeyException e) {
            throw PlatformException.of(ErrorCode.ERROR_SAVE_UNIQUE_VALUES, "keys", "[name]")
                    .withViolation("name", "a repository with this name exists");
        }
    }

    public RepositoryInfo update(UpdateRepositoryRequest request) {
        if (request.repositoryId() == null || request.repositoryId().isBlank()) {
            throw PlatformException.required("repository_id");
        }
        String endpoint = request.endpoint() == null ? null : validEndpoint("endpoint", request.endpoint());
        for (int attempt = 0; ; attempt++) {
            RepositoryDocument current = remote(request.repositoryId());
            RepositoryDocument changed = current.withChanges(
                    request.name(), endpoint, cipher.encrypt(request.token()), Timestamps.now(clock));
            try {
                RepositoryDocument saved = mongo.save(changed);
                remotes.evict(saved.repositoryId());
                return info(saved);
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= 1) {
                    throw PlatformException.of(
                            ErrorCode.ERROR_CONCURRENT_UPDATE, "key", "repository_id", "value", request.repositoryId());
                }
            } catch (DuplicateKeyException e) {
                throw PlatformException.of(ErrorCode.ERROR_SAVE_UNIQUE_VALUES, "keys", "[name]")
                        .withViolation("name", "a repository with this name exists");
            }
        }
    }

    public void deregister(String repositoryId) {
        RepositoryDocument document = remote(repositoryId);
        mongo.remove(document);
        remotes.evict(repositoryId);
    }

    public RepositoryInfo get(String repositoryId) {
        RepositoryDocument document = find(repositoryId);
        if (document == null) {
            throw PlatformException.notFound("repository_id", repositoryId);
        }
        return info(document);
    }

    public ListResponse<RepositoryInfo> list(RepositoryQuery request) {
        List<Condition> simple = new ArrayList<>();
        addEq(simple, "repository_id", request.repositoryId());
        addEq(simple, "name", request.name());
        addEq(
                simple,
                "repository_type",
                request.repositoryType() == null
                        ? null
                        : request.repositoryType().wireName());
        Query query = (request.query() != null ? request.query() : Query.empty()).withConditions(simple);
        var result = runner.list(translator.translate(query, FIELDS, new Criteria()), RepositoryDocument.COLLECTION);
        List<RepositoryInfo> infos = result.documents().stream()
                .map(document -> info(mongo.getConverter().read(RepositoryDocument.class, document)))
                .toList();
        return new ListResponse<>(infos, result.totalCount());
    }

    /** Every remote repository, in registration order, ready to be called. */
    public List<RemoteRepository> remotes() {
        var query = new org.springframework.data.mongodb.core.query.Query(
                        Criteria.where("repository_type").is(RepositoryType.REMOTE.wireName()))
                .with(Sort.by("created_at", "_id"));
        return mongo.find(query, RepositoryDocument.class).stream()
                .map(this::callable)
                .toList();
    }

    /** The remote repository with this id, or 404. */
    public RemoteRepository remoteRepository(String repositoryId) {
        return callable(remote(repositoryId));
    }

    /** The type of a repository id: local, managed, remote, or 404. */
    public RepositoryInfo describe(String repositoryId) {
        RepositoryInfo builtIn = Repositories.builtIn(repositoryId);
        return builtIn != null ? builtIn : get(repositoryId).reference();
    }

    private RemoteRepository callable(RepositoryDocument document) {
        return new RemoteRepository(info(document), cipher.decrypt(document.token()));
    }

    private RepositoryDocument remote(String repositoryId) {
        RepositoryDocument document = find(repositoryId);
        if (document == null) {
            throw PlatformException.notFound("repository_id", repositoryId);
        }
        if (document.type() != RepositoryType.REMOTE) {
            throw PlatformException.invalid(
                    "repository_id", "the local and managed repositories cannot be changed or deregistered");
        }
        return document;
    }

    private RepositoryDocument find(String repositoryId) {
        return mongo.findOne(
                new org.springframework.data.mongodb.core.query.Query(
                        Criteria.where("repository_id").is(repositoryId)),
                RepositoryDocument.class);
    }

    private static RepositoryInfo info(RepositoryDocument document) {
        return new RepositoryInfo(
                document.repositoryId(),
                document.name(),
                document.type(),
                document.endpoint(),
                document.createdAt() == null ? null : Timestamps.format(document.createdAt()));
    }

    private static void addEq(List<Condition> conditions, String key, String value) {
        if (value != null && !value.isBlank()) {
            conditions.add(new Condition(key, value, "eq"));
        }
    }

    static String validEndpoint(String field, String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (Exception e) {
            throw PlatformException.invalid(field, "must be an absolute http or https URL");
        }
        String scheme = uri.getScheme();
        if (uri.getHost() == null
                || scheme == null
                || !(scheme.equals("http") || scheme.equals("https"))
                || uri.getUserInfo() != null
                || uri.getQuery() != null
                || uri.getFragment() != null) {
            throw PlatformException.invalid(field, "must be an absolute http or https URL without credentials");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw PlatformException.invalid(field, "the port must be between 1 and 65535");
        }
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
