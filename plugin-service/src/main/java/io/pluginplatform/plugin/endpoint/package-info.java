/**
 * The endpoint broker: get_plugin_endpoint (version, plugin, eligible supervisors, serve, join or place, wait) and
 * notify_failure. Concurrent first calls converge on one installation through a placement claim in MongoDB; waiting
 * callers hold no thread.
 */
package io.pluginplatform.plugin.endpoint;
