/** Installed plugins: one record per plugin version placed on one supervisor. */
package io.pluginplatform.plugin.installation;
