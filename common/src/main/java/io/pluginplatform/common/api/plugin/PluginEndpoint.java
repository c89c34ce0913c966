package io.pluginplatform.common.api.plugin;

/**
 * The answer of get_plugin_endpoint: where to reach the plugin, a short-lived token the plugin verifies against
 * plugin-service's JWK set, the version actually served, and the supervisor (to report a failure with).
 */
public record PluginEndpoint(String endpoint, String accessToken, String updatedVersion, String supervisorId) {}
