package io.pluginplatform.common.api.plugin;

import java.util.List;

/** list_plugins: the page, the number of all matches and the supervisor's current desired revision. */
public record InstalledPluginsInfo(List<InstalledPluginInfo> results, long totalCount, Long revision) {}
