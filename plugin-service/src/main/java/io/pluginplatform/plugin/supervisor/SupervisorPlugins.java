package io.pluginplatform.plugin.supervisor;

import io.pluginplatform.common.api.plugin.InstalledPluginInfo;
import io.pluginplatform.common.api.plugin.InstalledPluginQuery;
import io.pluginplatform.common.api.plugin.InstalledPluginsInfo;
import io.pluginplatform.common.api.plugin.RecoverPluginRequest;
import io.pluginplatform.common.auth.Caller;
import io.pluginplatform.common.auth.Role;
import io.pluginplatform.common.error.PlatformException;
import io.pluginplatform.common.query.Condition;
import io.pluginplatform.common.query.ListResult;
import io.pluginplatform.common.query.Query;
import io.pluginplatform.common.time.Timestamps;
import io.pluginplatform.plugin.installation.InstalledPluginDocument;
import io.pluginplatform.plugin.installation.InstalledPlugins;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * The plugins of supervisors: list_plugins — the agent's desired state, with the long-poll {@code watch} — and
 * recover_plugin. A SUPERVISOR token sees only its own supervisor; a domain sees the plugins on its own supervisors and
 * those it uses on public ones.
 */
@Service
class SupervisorPlugins {

    private final SupervisorService supervisors;
    private final InstalledPlugins installations;
    private final RevisionWatchers watchers;

    SupervisorPlugins(SupervisorService supervisors, InstalledPlugins installations, RevisionWatchers watchers) {
        this.supervisors = supervisors;
        this.installations = installations;
        this.watchers = watchers;
    }

    /**
     * The page of plugins the caller may see. With {@code watch}, the answer waits — holding no thread — until the
     * supervisor's desired revision differs from the watched one, or the watch times out.
     */
    DeferredResult<InstalledPluginsInfo> list(Caller caller, String domainId, InstalledPluginQuery request) {
        View view = view(caller, domainId, request);
        if (request.watch() == null) {
            DeferredResult<InstalledPluginsInfo> answer = new DeferredResult<>();
            answer.setResult(page(view, request));
            return answer;
        }
        if (view.supervisorId() == null) {
            throw PlatformException.required("supervisor_id").withViolation("watch", "watches one supervisor");
        }
        long watched = request.watch().revision();
        DeferredResult<InstalledPluginsInfo> answer = new DeferredResult<>(
                RevisionWatchers.timeout(request.watch().timeoutSeconds()).toMillis());
        Runnable cancel =
                watchers.watch(view.supervisorId(), watched, revision -> answer.setResult(page(view, request)));
        answer.onTimeout(() -> answer.setResult(page(view, request)));
        answer.onCompletion(cancel);
        answer.onError(error -> cancel.run());
        return answer;
    }

    InstalledPluginInfo recover(Caller caller, String domainId, RecoverPluginRequest request) {
        if (request.pluginId() == null || request.pluginId().isBlank()) {
            throw PlatformException.required("plugin_id");
        }
        SupervisorDocument supervisor = supervisors.own(caller, domainId, request.supervisorId());
        InstalledPluginDocument recovered =
                installations.recover(supervisor.supervisorId(), request.pluginId(), request.version());
        supervisors.desiredPluginsChanged(supervisor.supervisorId());
        return info(recovered, supervisor, domainId);
    }

    /** Who sees what: the scope of the query and the supervisor watched. */
    private record View(Criteria scope, String supervisorId, String domainId) {}

    private View view(Caller caller, String domainId, InstalledPluginQuery request) {
        String named = blankToNull(request.supervisorId());
        if (caller.role() == Role.SUPERVISOR) {
            SupervisorDocument own = named != null
                    ? supervisors.own(caller, domainId, named)
                    : supervisors.byHostname(domainId, caller.hostname());
            return new View(Criteria.where("supervisor_id").is(own.supervisorId()), own.supervisorId(), domainId);
        }
        Criteria visible = new Criteria()
                .orOperator(
                        Criteria.where("domain_id").is(domainId),
                        Criteria.where("consumer_domains").is(domainId));
        if (named == null) {
            return new View(visible, null, domainId);
        }
        SupervisorDocument supervisor = supervisors.byIdAnyDomain(named);
        boolean readable = supervisor != null
                && (domainId.equals(supervisor.domainId()) || Boolean.TRUE.equals(supervisor.isPublic()));
        if (!readable) {
            throw PlatformException.notFound("supervisor_id", named);
        }
        return new View(
                new Criteria().andOperator(Criteria.where("supervisor_id").is(named), visible), named, domainId);
    }

    private InstalledPluginsInfo page(View view, InstalledPluginQuery request) {
        List<Condition> simple = new ArrayList<>();
        addEq(simple, "plugin_id", request.pluginId());
        addEq(simple, "version", request.version());
        addEq(simple, "state", request.state() == null ? null : request.state().name());
        addEq(simple, "endpoint", request.endpoint());
        Criteria scope = view.scope();
        String hostname = blankToNull(request.hostname());
        if (hostname != null) {
            SupervisorDocument host = supervisors.byHostname(view.domainId(), hostname);
            scope = new Criteria()
                    .andOperator(scope, Criteria.where("supervisor_id").is(host.supervisorId()));
        }
        Query query = (request.query() != null ? request.query() : Query.empty()).withConditions(simple);
        ListResult result = installations.list(query, scope);
        Map<String, SupervisorDocument> hosts = new HashMap<>();
        List<InstalledPluginInfo> plugins = new ArrayList<>();
        for (org.bson.Document document : result.documents()) {
            InstalledPluginDocument installation = installations.read(document);
            SupervisorDocument supervisor = installation.supervisorId() == null
                    ? null
                    : hosts.computeIfAbsent(installation.supervisorId(), supervisors::byIdAnyDomain);
            plugins.add(info(installation, supervisor, view.domainId()));
        }
        Long revision = view.supervisorId() == null ? null : supervisors.desiredRevision(view.supervisorId());
        return new InstalledPluginsInfo(plugins, result.totalCount(), revision);
    }

    static InstalledPluginInfo info(
            InstalledPluginDocument installation, SupervisorDocument supervisor, String callerDomainId) {
        return new InstalledPluginInfo(
                installation.pluginId(),
                installation.version(),
                installation.state(),
                installation.endpoint(),
                installation.endpoints() == null ? List.of() : installation.endpoints(),
                installation.supervisorId(),
                supervisor == null ? null : supervisor.name(),
                supervisor == null ? null : callerDomainId.equals(supervisor.domainId()),
                installation.domainId(),
                installation.pluginKey(),
                installation.generation(),
                installation.failureCount(),
                installation.lastError(),
                format(installation.endpointCalledAt()),
                installation.image(),
                installation.registryConfig(),
                installation.capability(),
                format(installation.createdAt()),
                format(installation.updatedAt()));
    }

    private static String format(Instant instant) {
        return instant == null ? null : Timestamps.format(instant);
    }

    private static void addEq(List<Condition> conditions, String key, String value) {
        if (value != null && !value.isBlank()) {
            conditions.add(new Condition(key, value, "eq"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
