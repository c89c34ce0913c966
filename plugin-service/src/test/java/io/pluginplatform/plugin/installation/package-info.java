/** Tests of the installed plugins' state rules. */
package io.pluginplatform.plugin.installation;
