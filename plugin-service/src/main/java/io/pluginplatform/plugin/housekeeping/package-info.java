/**
 * Housekeeping of installations: idle reclaim and the clean-up after long-silent supervisors, each on one instance at
 * a time (a MongoDB lease).
 */
package io.pluginplatform.plugin.housekeeping;
