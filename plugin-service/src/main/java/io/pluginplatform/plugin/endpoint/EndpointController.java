package io.pluginplatform.plugin.endpoint;

import io.pluginplatform.common.api.plugin.PluginEndpoint;
import io.pluginplatform.common.api.plugin.PluginEndpointRequest;
import io.pluginplatform.common.api.plugin.PluginFailureRequest;
import io.pluginplatform.common.auth.Caller;
import io.pluginplatform.common.auth.Permission;
import io.pluginplatform.common.auth.RequiresPermission;
import io.pluginplatform.common.web.PathParameters;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/** get_plugin_endpoint and notify_failure, in both route styles (and the reference's get-plugin-endpoint alias). */
@RestController
@RequestMapping(path = "/plugin/v1/plugin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Plugin", description = "Plugin endpoints on demand, and failure reports")
class EndpointController {

    private final EndpointBroker broker;
    private final FailureReports failures;

    EndpointController(EndpointBroker broker, FailureReports failures) {
        this.broker = broker;
        this.failures = failures;
    }

    @PostMapping("/{plugin_id}/get-endpoint")
    @RequiresPermission(Permission.PLUGIN_ENDPOINT)
    DeferredResult<PluginEndpoint> endpoint(
            Caller caller,
            @PathVariable("plugin_id") String pluginId,
            @Valid @RequestBody(required = false) PluginEndpointRequest request) {
        PluginEndpointRequest body =
                request != null ? request : new PluginEndpointRequest(null, null, null, null, null, null);
        String id = PathParameters.merge("plugin_id", pluginId, body.pluginId());
        return broker.endpoint(caller, caller.domain(body.domainId()), body.withPluginId(id));
    }

    @PostMapping({"/get-endpoint", "/get-plugin-endpoint"})
    @RequiresPermission(Permission.PLUGIN_ENDPOINT)
    DeferredResult<PluginEndpoint> endpointVerb(Caller caller, @Valid @RequestBody PluginEndpointRequest request) {
        return broker.endpoint(caller, caller.domain(request.domainId()), request);
    }

    @PutMapping("/{plugin_id}/notify-failure")
    @RequiresPermission(Permission.PLUGIN_ENDPOINT)
    Map<String, Object> notifyFailure(
            Caller caller,
            @PathVariable("plugin_id") String pluginId,
            @Valid @RequestBody PluginFailureRequest request) {
        String id = PathParameters.merge("plugin_id", pluginId, request.pluginId());
        failures.report(caller.domain(request.domainId()), request.withPluginId(id));
        return Map.of();
    }

    @PostMapping("/notify-failure")
    @RequiresPermission(Permission.PLUGIN_ENDPOINT)
    Map<String, Object> notifyFailureVerb(Caller caller, @Valid @RequestBody PluginFailureRequest request) {
        failures.report(caller.domain(request.domainId()), request);
        return Map.of();
    }
}
