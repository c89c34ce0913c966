package io.pluginplatform.plugin.supervisor;

/** Published (as a Spring application event) after a supervisor's desired revision moved on this instance. */
record DesiredPluginsChanged(String supervisorId, long revision) {}
