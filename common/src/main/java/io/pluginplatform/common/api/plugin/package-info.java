/** Wire records of plugin-service: supervisors, installed plugins and the endpoint broker (seeds 000 and 003). */
package io.pluginplatform.common.api.plugin;
