/** Wire records shared by the services, one file per message, grouped by resource. */
package io.pluginplatform.common.api;
