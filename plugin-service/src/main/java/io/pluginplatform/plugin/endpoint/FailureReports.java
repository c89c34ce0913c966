package io.pluginplatform.plugin.endpoint;

import io.pluginplatform.common.api.plugin.PluginFailureRequest;
import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import io.pluginplatform.plugin.installation.InstalledPluginDocument;
import io.pluginplatform.plugin.installation.InstalledPlugins;
import io.pluginplatform.plugin.installation.InstalledPlugins.FailureOutcome;
import io.pluginplatform.plugin.supervisor.SupervisorService;
import org.springframework.stereotype.Service;

/**
 * notify_failure (plugin-service.md §6): a caller reports that an endpoint it was given fails. The report is recorded
 * on the installation; enough reports start a new generation, and a recovery that fails again puts the installation in
 * ERROR so that the next caller is placed elsewhere. A domain may report on installations it can be served from: on
 * its own supervisors, or ones it was served on public supervisors.
 */
@Service
class FailureReports {

    private final InstalledPlugins installations;
    private final SupervisorService supervisors;
    private final EndpointProperties properties;

    FailureReports(InstalledPlugins installations, SupervisorService supervisors, EndpointProperties properties) {
        this.installations = installations;
        this.supervisors = supervisors;
        this.properties = properties;
    }

    void report(String domainId, PluginFailureRequest request) {
        if (request.pluginId() == null || request.pluginId().isBlank()) {
            throw PlatformException.required("plugin_id");
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            InstalledPluginDocument installation = visible(domainId, request);
            FailureOutcome outcome = installations.recordFailure(
                    installation,
                    request.message(),
                    properties.failureThreshold(),
                    properties.failureWindow(),
                    properties.errorAfterRecovery());
            if (outcome == null) {
                continue; // the installation changed meanwhile: record the report against what it is now
            }
            if (outcome != FailureOutcome.RECORDED) {
                supervisors.desiredPluginsChanged(installation.supervisorId());
            }
            return;
        }
        throw PlatformException.of(ErrorCode.ERROR_CONCURRENT_UPDATE, "key", "plugin_id", "value", request.pluginId());
    }

    private InstalledPluginDocument visible(String domainId, PluginFailureRequest request) {
        for (InstalledPluginDocument installation : installations.on(request.supervisorId())) {
            boolean same = installation.pluginId().equals(request.pluginId())
                    && installation.version().equals(request.version());
            boolean mine = domainId.equals(installation.domainId())
                    || (installation.consumerDomains() != null
                            && installation.consumerDomains().contains(domainId));
            if (same && mine) {
                return installation;
            }
        }
        throw PlatformException.notFound("plugin_id", request.pluginId());
    }
}
