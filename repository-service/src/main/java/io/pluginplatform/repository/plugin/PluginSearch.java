package io.pluginplatform.repository.plugin;

import io.pluginplatform.common.api.ListResponse;
import io.pluginplatform.common.api.repository.PluginInfo;
import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import io.pluginplatform.common.query.DocumentComparator;
import io.pluginplatform.common.query.FieldCatalogue;
import io.pluginplatform.common.query.FieldType;
import io.pluginplatform.common.query.Page;
import io.pluginplatform.common.query.Query;
import io.pluginplatform.common.query.QueryRunner;
import io.pluginplatform.common.query.QueryTranslator;
import io.pluginplatform.common.query.StatisticsQuery;
import io.pluginplatform.common.query.StatisticsTranslator;
import io.pluginplatform.repository.repository.RemoteRepository;
import io.pluginplatform.repository.repository.RemoteRepositoryClient;
import io.pluginplatform.repository.repository.Repositories;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * List and stat over the catalogue: the stored repositories (local and managed) in MongoDB with the query language,
 * remote ones forwarded, and one global sort and paging across all of them.
 */
@Component
class PluginSearch {

    static final FieldCatalogue FIELDS = FieldCatalogue.builder()
            .field("plugin_id", FieldType.STRING)
            .field("name", FieldType.STRING)
            .field("image", FieldType.STRING)
            .field("registry_url", FieldType.STRING)
            .field("state", FieldType.STRING)
            .field("service_type", FieldType.STRING)
            .field("provider", FieldType.STRING)
            .field("registry_type", FieldType.STRING)
            .field("capability", FieldType.MAP)
            .field("template", FieldType.MAP)
            .field("labels", FieldType.STRING_LIST)
            .field("tags", FieldType.MAP)
            .field("repository_id", FieldType.STRING)
            .field("project_id", FieldType.STRING)
            .field("domain_id", FieldType.STRING)
            .field("created_at", FieldType.DATETIME)
            .field("updated_at", FieldType.DATETIME)
            .keywordFields("plugin_id", "name", "provider", "service_type", "labels")
            .minimalFields("plugin_id", "name", "state", "image", "registry_type", "service_type", "provider")
            .build();

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final MongoTemplate mongo;
    private final QueryTranslator translator;
    private final StatisticsTranslator statistics;
    private final QueryRunner runner;
    private final RemoteRepositoryClient remotes;
    private final ObjectMapper json;

    PluginSearch(
            MongoTemplate mongo,
            QueryTranslator translator,
            StatisticsTranslator statistics,
            QueryRunner runner,
            RemoteRepositoryClient remotes,
            ObjectMapper json) {
        this.mongo = mongo;
        this.translator = translator;
        this.statistics = statistics;
        this.runner = runner;
        this.remotes = remotes;
        this.json = json;
    }

    /** One stored repository (or the local and managed ones together) with the caller's scope applied. */
    ListResponse<PluginInfo> listStored(Query query, Criteria scope) {
        var result = runner.list(translator.translate(query, FIELDS, scope), PluginDocument.COLLECTION);
        List<PluginInfo> plugins = result.documents().stream().map(this::toInfo).toList();
        return new ListResponse<>(plugins, result.totalCount());
    }

    ListResponse<PluginInfo> listRemote(RemoteRepository remote, Query query) {
        ListResponse<PluginInfo> answer = remotes.list(remote, remoteRequest(query));
        List<PluginInfo> plugins = answer.results().stream()
                .map(plugin -> PluginViews.withRepository(plugin, remote.info().reference()))
                .toList();
        return new ListResponse<>(plugins, answer.totalCount());
    }

    /**
     * Every repository with one global sort and paging: each source is asked for its first {@code start + limit - 1}
     * matches, the pages are merged by the sort keys and the requested page cut from the merge. A remote that fails
     * is left out and named in {@code warnings}.
     */
    ListResponse<PluginInfo> listEverywhere(
            String domainId, Query query, List<RemoteRepository> remoteRepositories, ListWarnings warnings) {
        Criteria stored = new Criteria()
                .orOperator(
                        PluginService.scope(domainId, Repositories.LOCAL),
                        PluginService.scope(domainId, Repositories.MANAGED));
        if (remoteRepositories.isEmpty()) {
            return listStored(query, stored);
        }
        Page page = query.page() != null ? query.page() : new Page(null, null);
        long start = page.skip() + 1;
        int limit = page.effectiveLimit();
        int window = (int) Math.min(Integer.MAX_VALUE, start + limit - 1);
        Query head = query.withPage(new Page(1, Math.max(window, 0)));

        List<ListResponse<PluginInfo>> sources = new ArrayList<>();
        sources.add(listStored(head, stored));
        for (RemoteRepository remote : remoteRepositories) {
            try {
                sources.add(listRemote(remote, head));
            } catch (PlatformException e) {
                if (e.code() != ErrorCode.ERROR_REPOSITORY_UNAVAILABLE) {
                    throw e;
                }
                warnings.unavailable(remote.repositoryId());
            }
        }
        long total = sources.stream().mapToLong(ListResponse::totalCount).sum();
        if (Boolean.TRUE.equals(query.countOnly()) || limit == 0) {
            return new ListResponse<>(List.of(), total);
        }
        List<Ranked> merged = new ArrayList<>();
        for (int source = 0; source < sources.size(); source++) {
            List<PluginInfo> results = sources.get(source).results();
            for (int position = 0; position < results.size(); position++) {
                PluginInfo plugin = results.get(position);
                merged.add(new Ranked(plugin, json.convertValue(plugin, MAP), source, position));
            }
        }
        Comparator<Map<String, Object>> bySortKeys = DocumentComparator.of(query.sort());
        merged.sort(Comparator.<Ranked, Map<String, Object>>comparing(Ranked::fields, bySortKeys)
                .thenComparingInt(Ranked::source)
                .thenComparingInt(Ranked::position));
        List<PluginInfo> pageOfResults =
                merged.stream().skip(start - 1).limit(limit).map(Ranked::plugin).toList();
        return new ListResponse<>(pageOfResults, total);
    }

    Map<String, Object> statStored(StatisticsQuery query, Criteria scope) {
        var result = runner.stat(statistics.translate(query, FIELDS, scope), PluginDocument.COLLECTION);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("results", result.results());
        if (result.totalCount() != null) {
            answer.put("total_count", result.totalCount());
        }
        return answer;
    }

    Map<String, Object> statRemote(RemoteRepository remote, StatisticsQuery query) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", json.convertValue(query, MAP));
        return remotes.stat(remote, request);
    }

    private Map<String, Object> remoteRequest(Query query) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", json.convertValue(query, MAP));
        return request;
    }

    private PluginInfo toInfo(Document document) {
        PluginDocument plugin = mongo.getConverter().read(PluginDocument.class, document);
        return PluginViews.info(
                plugin,
                Repositories.MANAGED_ID.equals(plugin.repositoryId()) ? Repositories.MANAGED : Repositories.LOCAL);
    }

    private record Ranked(PluginInfo plugin, Map<String, Object> fields, int source, int position) {}
}
