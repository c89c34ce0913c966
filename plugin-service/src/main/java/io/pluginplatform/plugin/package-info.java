/** plugin-service: supervisors and the plugin endpoint broker. The application class; the features live below. */
package io.pluginplatform.plugin;
