package io.pluginplatform.plugin.installation;

import io.pluginplatform.common.api.plugin.InstalledPluginState;

/** Published (as a Spring application event) after an installation's state or endpoints changed on this instance. */
public record InstallationChanged(String installationId, String supervisorId, InstalledPluginState state) {}
