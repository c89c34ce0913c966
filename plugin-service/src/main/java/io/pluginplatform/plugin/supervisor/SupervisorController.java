package io.pluginplatform.plugin.supervisor;

import io.pluginplatform.common.api.ListResponse;
import io.pluginplatform.common.api.plugin.GetSupervisorRequest;
import io.pluginplatform.common.api.plugin.InstalledPluginInfo;
import io.pluginplatform.common.api.plugin.InstalledPluginQuery;
import io.pluginplatform.common.api.plugin.InstalledPluginState;
import io.pluginplatform.common.api.plugin.InstalledPluginsInfo;
import io.pluginplatform.common.api.plugin.PublishSupervisorRequest;
import io.pluginplatform.common.api.plugin.RecoverPluginRequest;
import io.pluginplatform.common.api.plugin.RegisterSupervisorRequest;
import io.pluginplatform.common.api.plugin.SupervisorInfo;
import io.pluginplatform.common.api.plugin.SupervisorQuery;
import io.pluginplatform.common.api.plugin.SupervisorRequest;
import io.pluginplatform.common.api.plugin.SupervisorStatQuery;
import io.pluginplatform.common.api.plugin.SupervisorState;
import io.pluginplatform.common.api.plugin.Watch;
import io.pluginplatform.common.auth.Caller;
import io.pluginplatform.common.auth.Permission;
import io.pluginplatform.common.auth.RequiresPermission;
import io.pluginplatform.common.error.PlatformException;
import io.pluginplatform.common.web.PathParameters;
import io.pluginplatform.common.web.QueryParameters;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import tools.jackson.databind.ObjectMapper;

/**
 * Supervisor routes in both styles: resource style ({@code /plugin/v1/supervisor(s)/...}) and verb style
 * ({@code POST /plugin/v1/supervisor/<verb>}). Each pair binds and calls the same service method.
 */
@RestController
@RequestMapping(path = "/plugin/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Supervisor", description = "Supervisors: publish, administration and reads")
class SupervisorController {

    private static final Set<String> LIST_PARAMETERS =
            Set.of("supervisor_id", "name", "is_public", "hostname", "state");
    private static final Set<String> GET_PARAMETERS = Set.of("only", "domain_id");
    private static final Set<String> DEREGISTER_PARAMETERS = Set.of("force", "domain_id");

    private static final Set<String> PLUGIN_LIST_PARAMETERS =
            Set.of("hostname", "plugin_id", "version", "state", "endpoint", "watch_revision", "watch_timeout_seconds");

    private final SupervisorService supervisors;
    private final SupervisorPlugins plugins;
    private final ObjectMapper json;

    SupervisorController(SupervisorService supervisors, SupervisorPlugins plugins, ObjectMapper json) {
        this.supervisors = supervisors;
        this.plugins = plugins;
        this.json = json;
    }

    // publish

    @PostMapping("/supervisors")
    @RequiresPermission(Permission.PUBLISH)
    SupervisorInfo publish(Caller caller, @Valid @RequestBody PublishSupervisorRequest request) {
        return supervisors.publish(caller, request);
    }

    @PostMapping("/supervisor/publish")
    @RequiresPermission(Permission.PUBLISH)
    SupervisorInfo publishVerb(Caller caller, @Valid @RequestBody PublishSupervisorRequest request) {
        return publish(caller, request);
    }

    // register, update

    @PostMapping("/supervisor/{supervisor_id}/register")
    @RequiresPermission(Permission.SUPERVISOR_ADMIN)
    SupervisorInfo register(
            Caller caller,
            @PathVariable("supervisor_id") String supervisorId,
            @Valid @RequestBody RegisterSupervisorRequest request) {
        String id = PathParameters.merge("supervisor_id", supervisorId, request.supervisorId());
        return supervisors.register(caller, caller.domain(request.domainId()), request.withSupervisorId(id));
    }

    @PostMapping("/supervisor/register")
    @RequiresPermission(Permission.SUPERVISOR_ADMIN)
    SupervisorInfo registerVerb(Caller caller, @Valid @RequestBody RegisterSupervisorRequest request) {
        return supervisors.register(caller, caller.domain(request.domainId()), request);
    }

    @PutMapping("/supervisor/{supervisor_id}")
    @RequiresPermission(Permission.SUPERVISOR_ADMIN)
    SupervisorInfo update(
            Caller caller,
            @PathVariable("supervisor_id") String supervisorId,
            @Valid @RequestBody RegisterSupervisorRequest request) {
        String id = PathParameters.merge("supervisor_id", supervisorId, request.supervisorId());
        return supervisors.update(caller, caller.domain(request.domainId()), request.withSupervisorId(id));
    }

    @PostMapping("/supervisor/update")
    @RequiresPermission(Permission.SUPERVISOR_ADMIN)
    SupervisorInfo updateVerb(Caller caller, @Valid @RequestBody RegisterSupervisorRequest request) {
        return supervisors.update(caller, caller.domain(request.domainId()), request);
    }

    // deregister

    @DeleteMapping("/supervisor/{supervisor_id}/register")
    @RequiresPermission(Permission.SUPERVISOR_ADMIN)
    Map<String, Object> deregister(
            Caller caller,
            @PathVariable("supervisor_id") String supervisorId,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        QueryParameters query = QueryParameters.strict(parameters, DEREGISTER_PARAMETERS);
        supervisors.deregister(caller.domain(query.get("domain_id")), supervisorId, flag("force", query.get("force")));
        return Map.of();
    }

    @PostMapping("/supervisor/deregister")
    @RequiresPermission(Permission.SUPERVISOR_ADMIN)
    Map<String, Object> deregisterVerb(Caller caller, @Valid @RequestBody SupervisorRequest request) {
        supervisors.deregister(
                caller.domain(request.domainId()), request.supervisorId(), Boolean.TRUE.equals(request.force()));
        return Map.of();
    }

    // enable, disable

    @PutMapping("/supervisor/{supervisor_id}/enable")
    @RequiresPermission(Permission.SUPERVISOR_ADMIN)
    SupervisorInfo enable(
            Caller caller,
            @PathVariable("supervisor_id") String supervisorId,
            @RequestBody(required = false) SupervisorRequest request) {
        String id =
                PathParameters.merge("supervisor_id", supervisorId, request == null ? null : request.supervisorId());
        return supervisors.enable(caller.domain(request == null ? null : request.domainId()), id);
    }

    @PostMapping("/supervisor/enable")
    @RequiresPermission(Permission.SUPERVISOR_ADMIN)
    SupervisorInfo enableVerb(Caller caller, @Valid @RequestBody SupervisorRequest request) {
        return supervisors.enable(caller.domain(request.domainId()), request.supervisorId());
    }

    @PutMapping("/supervisor/{supervisor_id}/disable")
    @RequiresPermission(Permission.SUPERVISOR_ADMIN)
    SupervisorInfo disable(
            Caller caller,
            @PathVariable("supervisor_id") String supervisorId,
            @RequestBody(required = false) SupervisorRequest request) {
        String id =
                PathParameters.merge("supervisor_id", supervisorId, request == null ? null : request.supervisorId());
        return supervisors.disable(caller.domain(request == null ? null : request.domainId()), id);
    }

    @PostMapping("/supervisor/disable")
    @RequiresPermission(Permission.SUPERVISOR_ADMIN)
    SupervisorInfo disableVerb(Caller caller, @Valid @RequestBody SupervisorRequest request) {
        return supervisors.disable(caller.domain(request.domainId()), request.supervisorId());
    }

    // get

    @GetMapping("/supervisor/{supervisor_id}")
    @RequiresPermission(Permission.SUPERVISOR_READ)
    Object get(
            Caller caller,
            @PathVariable("supervisor_id") String supervisorId,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        QueryParameters query = QueryParameters.strict(parameters, GET_PARAMETERS);
        String only = query.get("only");
        List<String> fields = only == null
                ? null
                : Arrays.stream(only.split(",")).map(String::trim).toList();
        return get(caller, new GetSupervisorRequest(supervisorId, query.get("domain_id"), fields));
    }

    @PostMapping("/supervisor/get")
    @RequiresPermission(Permission.SUPERVISOR_READ)
    Object getVerb(Caller caller, @Valid @RequestBody GetSupervisorRequest request) {
        return get(caller, request);
    }

    private Object get(Caller caller, GetSupervisorRequest request) {
        List<String> only = SupervisorViews.checkOnly(request.only());
        SupervisorInfo supervisor = supervisors.get(caller, caller.domain(request.domainId()), request.supervisorId());
        return SupervisorViews.only(supervisor, only, json);
    }

    // list

    @GetMapping("/supervisors")
    @RequiresPermission(Permission.SUPERVISOR_READ)
    ListResponse<SupervisorInfo> list(
            Caller caller, @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        QueryParameters query = QueryParameters.of(parameters, LIST_PARAMETERS);
        String isPublic = query.get("is_public");
        SupervisorQuery request = new SupervisorQuery(
                query.toQuery(),
                query.get("supervisor_id"),
                query.get("name"),
                isPublic == null ? null : flag("is_public", isPublic),
                query.get("hostname"),
                query.getEnum("state", SupervisorState.class),
                query.get("domain_id"));
        return search(caller, request);
    }

    @PostMapping("/supervisors/search")
    @RequiresPermission(Permission.SUPERVISOR_READ)
    ListResponse<SupervisorInfo> search(Caller caller, @Valid @RequestBody SupervisorQuery request) {
        return supervisors.list(caller, caller.domain(request.domainId()), request);
    }

    @PostMapping("/supervisor/list")
    @RequiresPermission(Permission.SUPERVISOR_READ)
    ListResponse<SupervisorInfo> listVerb(Caller caller, @Valid @RequestBody SupervisorQuery request) {
        return search(caller, request);
    }

    // stat

    @PostMapping("/supervisors/stat")
    @RequiresPermission(Permission.SUPERVISOR_READ)
    Map<String, Object> stat(Caller caller, @Valid @RequestBody SupervisorStatQuery request) {
        return supervisors.stat(caller, caller.domain(request.domainId()), request.query());
    }

    @PostMapping("/supervisor/stat")
    @RequiresPermission(Permission.SUPERVISOR_READ)
    Map<String, Object> statVerb(Caller caller, @Valid @RequestBody SupervisorStatQuery request) {
        return stat(caller, request);
    }

    // recover_plugin

    @PostMapping("/supervisor/{supervisor_id}/plugin/{plugin_id}/recover")
    @RequiresPermission(Permission.SUPERVISOR_ADMIN)
    InstalledPluginInfo recover(
            Caller caller,
            @PathVariable("supervisor_id") String supervisorId,
            @PathVariable("plugin_id") String pluginId,
            @Valid @RequestBody RecoverPluginRequest request) {
        String supervisor = PathParameters.merge("supervisor_id", supervisorId, request.supervisorId());
        String plugin = PathParameters.merge("plugin_id", pluginId, request.pluginId());
        return plugins.recover(caller, caller.domain(request.domainId()), request.withIds(supervisor, plugin));
    }

    @PostMapping("/supervisor/recover-plugin")
    @RequiresPermission(Permission.SUPERVISOR_ADMIN)
    InstalledPluginInfo recoverVerb(Caller caller, @Valid @RequestBody RecoverPluginRequest request) {
        return plugins.recover(caller, caller.domain(request.domainId()), request);
    }

    // list_plugins

    @GetMapping("/supervisor/{supervisor_id}/plugins")
    @RequiresPermission(Permission.SUPERVISOR_READ)
    DeferredResult<InstalledPluginsInfo> listPlugins(
            Caller caller,
            @PathVariable("supervisor_id") String supervisorId,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        QueryParameters query = QueryParameters.of(parameters, PLUGIN_LIST_PARAMETERS);
        String revision = query.get("watch_revision");
        // checked even without watch_revision: an out-of-range timeout is a mistake, not something to ignore
        Integer timeout = timeout(query.get("watch_timeout_seconds"));
        Watch watch = revision == null ? null : new Watch(number("watch_revision", revision), timeout);
        InstalledPluginQuery request = new InstalledPluginQuery(
                query.toQuery(),
                supervisorId,
                query.get("hostname"),
                query.get("plugin_id"),
                query.get("version"),
                query.getEnum("state", InstalledPluginState.class),
                query.get("endpoint"),
                watch,
                query.get("domain_id"));
        return plugins.list(caller, caller.domain(request.domainId()), request);
    }

    @PostMapping("/supervisor/{supervisor_id}/plugins/search")
    @RequiresPermission(Permission.SUPERVISOR_READ)
    DeferredResult<InstalledPluginsInfo> searchPlugins(
            Caller caller,
            @PathVariable("supervisor_id") String supervisorId,
            @Valid @RequestBody InstalledPluginQuery request) {
        String id = PathParameters.merge("supervisor_id", supervisorId, request.supervisorId());
        return plugins.list(caller, caller.domain(request.domainId()), request.withSupervisorId(id));
    }

    @PostMapping("/supervisor/list-plugins")
    @RequiresPermission(Permission.SUPERVISOR_READ)
    DeferredResult<InstalledPluginsInfo> listPluginsVerb(
            Caller caller, @Valid @RequestBody InstalledPluginQuery request) {
        return plugins.list(caller, caller.domain(request.domainId()), request);
    }

    private static long number(String name, String value) {
        try {
            long number = Long.parseLong(value);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw PlatformException.invalid(name, "must be a whole number, at least 0");
    }

    private static Integer timeout(String value) {
        if (value == null) {
            return null;
        }
        long seconds = number("watch_timeout_seconds", value);
        if (seconds > 60) {
            throw PlatformException.invalid("watch_timeout_seconds", "must be at most 60");
        }
        return (int) seconds;
    }

    private static boolean flag(String name, String value) {
        if (value == null) {
            return false;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw PlatformException.invalid(name, "must be true or false");
        };
    }
}
