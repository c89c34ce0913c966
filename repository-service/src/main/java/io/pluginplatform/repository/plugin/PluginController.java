package io.pluginplatform.repository.plugin;

import io.pluginplatform.common.api.ListResponse;
import io.pluginplatform.common.api.repository.CreatePluginRequest;
import io.pluginplatform.common.api.repository.GetRepositoryPluginRequest;
import io.pluginplatform.common.api.repository.PluginInfo;
import io.pluginplatform.common.api.repository.PluginQuery;
import io.pluginplatform.common.api.repository.PluginRequest;
import io.pluginplatform.common.api.repository.PluginStatQuery;
import io.pluginplatform.common.api.repository.PluginState;
import io.pluginplatform.common.api.repository.RegistryType;
import io.pluginplatform.common.api.repository.RepositoryPluginRequest;
import io.pluginplatform.common.api.repository.UpdatePluginRequest;
import io.pluginplatform.common.api.repository.VersionsInfo;
import io.pluginplatform.common.auth.Caller;
import io.pluginplatform.common.auth.Permission;
import io.pluginplatform.common.auth.RequiresPermission;
import io.pluginplatform.common.web.PathParameters;
import io.pluginplatform.common.web.QueryParameters;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/**
 * Plugin routes in both styles: resource style ({@code /repository/v1/plugins/...}) and verb style
 * ({@code POST /repository/v1/plugin/<verb>}). Each pair binds and calls the same service method.
 */
@RestController
@RequestMapping(path = "/repository/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Plugin", description = "The plugin catalogue")
class PluginController {

    private static final Set<String> LIST_PARAMETERS =
            Set.of("plugin_id", "name", "state", "service_type", "provider", "registry_type", "repository_id");
    private static final Set<String> GET_PARAMETERS = Set.of("repository_id", "only", "domain_id");
    private static final Set<String> DOMAIN_PARAMETER = Set.of("domain_id");
    private static final Set<String> VERSIONS_PARAMETERS = Set.of("repository_id", "domain_id");

    private final PluginService plugins;

    PluginController(PluginService plugins) {
        this.plugins = plugins;
    }

    // register

    @PostMapping("/plugins")
    @RequiresPermission(Permission.CATALOGUE_WRITE)
    PluginInfo register(Caller caller, @Valid @RequestBody CreatePluginRequest request) {
        return plugins.register(caller.domain(request.domainId()), request);
    }

    @PostMapping("/plugin/register")
    @RequiresPermission(Permission.CATALOGUE_WRITE)
    PluginInfo registerVerb(Caller caller, @Valid @RequestBody CreatePluginRequest request) {
        return register(caller, request);
    }

    // update

    @PutMapping("/plugin/{plugin_id}")
    @RequiresPermission(Permission.CATALOGUE_WRITE)
    PluginInfo update(
            Caller caller,
            @PathVariable("plugin_id") String pluginId,
            @Valid @RequestBody UpdatePluginRequest request) {
        String id = PathParameters.merge("plugin_id", pluginId, request.pluginId());
        return plugins.update(caller.domain(request.domainId()), request.withPluginId(id));
    }

    @PostMapping("/plugin/update")
    @RequiresPermission(Permission.CATALOGUE_WRITE)
    PluginInfo updateVerb(Caller caller, @Valid @RequestBody UpdatePluginRequest request) {
        return plugins.update(caller.domain(request.domainId()), request);
    }

    // deregister

    @DeleteMapping("/plugin/{plugin_id}")
    @RequiresPermission(Permission.CATALOGUE_WRITE)
    Map<String, Object> deregister(
            Caller caller,
            @PathVariable("plugin_id") String pluginId,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        QueryParameters query = QueryParameters.strict(parameters, DOMAIN_PARAMETER);
        plugins.deregister(caller.domain(query.get("domain_id")), pluginId);
        return Map.of();
    }

    @PostMapping("/plugin/deregister")
    @RequiresPermission(Permission.CATALOGUE_WRITE)
    Map<String, Object> deregisterVerb(Caller caller, @Valid @RequestBody PluginRequest request) {
        plugins.deregister(caller.domain(request.domainId()), request.pluginId());
        return Map.of();
    }

    // enable, disable

    @PutMapping("/plugin/{plugin_id}/enable")
    @RequiresPermission(Permission.CATALOGUE_WRITE)
    PluginInfo enable(
            Caller caller,
            @PathVariable("plugin_id") String pluginId,
            @RequestBody(required = false) PluginRequest request) {
        return setState(caller, pluginId, request, PluginState.ENABLED);
    }

    @PostMapping("/plugin/enable")
    @RequiresPermission(Permission.CATALOGUE_WRITE)
    PluginInfo enableVerb(Caller caller, @Valid @RequestBody PluginRequest request) {
        return plugins.setState(caller.domain(request.domainId()), request.pluginId(), PluginState.ENABLED);
    }

    @PutMapping("/plugin/{plugin_id}/disable")
    @RequiresPermission(Permission.CATALOGUE_WRITE)
    PluginInfo disable(
            Caller caller,
            @PathVariable("plugin_id") String pluginId,
            @RequestBody(required = false) PluginRequest request) {
        return setState(caller, pluginId, request, PluginState.DISABLED);
    }

    @PostMapping("/plugin/disable")
    @RequiresPermission(Permission.CATALOGUE_WRITE)
    PluginInfo disableVerb(Caller caller, @Valid @RequestBody PluginRequest request) {
        return plugins.setState(caller.domain(request.domainId()), request.pluginId(), PluginState.DISABLED);
    }

    private PluginInfo setState(Caller caller, String pluginId, PluginRequest body, PluginState state) {
        String id = PathParameters.merge("plugin_id", pluginId, body == null ? null : body.pluginId());
        return plugins.setState(caller.domain(body == null ? null : body.domainId()), id, state);
    }

    // get_versions

    @GetMapping("/plugins/{plugin_id}/versions")
    @RequiresPermission(Permission.CATALOGUE_READ)
    VersionsInfo versions(
            Caller caller,
            @PathVariable("plugin_id") String pluginId,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        QueryParameters query = QueryParameters.strict(parameters, VERSIONS_PARAMETERS);
        return plugins.versions(
                caller.domain(query.get("domain_id")),
                new RepositoryPluginRequest(pluginId, query.get("repository_id"), query.get("domain_id")));
    }

    @PostMapping("/plugin/get-versions")
    @RequiresPermission(Permission.CATALOGUE_READ)
    VersionsInfo versionsVerb(Caller caller, @Valid @RequestBody RepositoryPluginRequest request) {
        return plugins.versions(caller.domain(request.domainId()), request);
    }

    // get

    @GetMapping("/plugins/{plugin_id}")
    @RequiresPermission(Permission.CATALOGUE_READ)
    PluginInfo get(
            Caller caller,
            @PathVariable("plugin_id") String pluginId,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        QueryParameters query = QueryParameters.strict(parameters, GET_PARAMETERS);
        String only = query.get("only");
        List<String> fields = only == null
                ? null
                : Arrays.stream(only.split(",")).map(String::trim).toList();
        return plugins.get(
                caller.domain(query.get("domain_id")),
                new GetRepositoryPluginRequest(pluginId, query.get("repository_id"), fields, query.get("domain_id")));
    }

    @PostMapping("/plugin/get")
    @RequiresPermission(Permission.CATALOGUE_READ)
    PluginInfo getVerb(Caller caller, @Valid @RequestBody GetRepositoryPluginRequest request) {
        return plugins.get(caller.domain(request.domainId()), request);
    }

    // list

    @GetMapping("/plugins")
    @RequiresPermission(Permission.CATALOGUE_READ)
    ResponseEntity<ListResponse<PluginInfo>> list(
            Caller caller, @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        QueryParameters query = QueryParameters.of(parameters, LIST_PARAMETERS);
        PluginQuery request = new PluginQuery(
                query.toQuery(),
                query.get("plugin_id"),
                query.get("name"),
                query.getEnum("state", PluginState.class),
                query.get("service_type"),
                query.get("provider"),
                query.getEnum("registry_type", RegistryType.class),
                query.get("repository_id"),
                query.get("domain_id"));
        return search(caller, request);
    }

    @PostMapping("/plugins/search")
    @RequiresPermission(Permission.CATALOGUE_READ)
    ResponseEntity<ListResponse<PluginInfo>> search(Caller caller, @Valid @RequestBody PluginQuery request) {
        ListWarnings warnings = new ListWarnings();
        ListResponse<PluginInfo> answer = plugins.list(caller.domain(request.domainId()), request, warnings);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (warnings.headerValue() != null) {
            response.header(HttpHeaders.WARNING, warnings.headerValue());
        }
        return response.body(answer);
    }

    @PostMapping("/plugin/list")
    @RequiresPermission(Permission.CATALOGUE_READ)
    ResponseEntity<ListResponse<PluginInfo>> listVerb(Caller caller, @Valid @RequestBody PluginQuery request) {
        return search(caller, request);
    }

    // stat

    @PostMapping("/plugins/stat")
    @RequiresPermission(Permission.CATALOGUE_READ)
    Map<String, Object> stat(Caller caller, @Valid @RequestBody PluginStatQuery request) {
        return plugins.stat(caller.domain(request.domainId()), request);
    }

    @PostMapping("/plugin/stat")
    @RequiresPermission(Permission.CATALOGUE_READ)
    Map<String, Object> statVerb(Caller caller, @Valid @RequestBody PluginStatQuery request) {
        return stat(caller, request);
    }
}
