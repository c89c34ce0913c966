/** Tests of the housekeeping jobs. */
package io.pluginplatform.plugin.housekeeping;
