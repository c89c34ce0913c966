/**
 * Integration tests of the endpoint broker: get_plugin_endpoint and notify_failure against a real repository-service
 * process, the local OCI registry and simulated supervisor agents.
 */
package io.pluginplatform.plugin.endpoint;
