/** Cross-cutting wiring of plugin-service: the clock, scheduling and the OpenAPI description. */
package io.pluginplatform.plugin.system;
