/** The embedded MongoDB-compatible store used when no real MongoDB is configured. */
package io.pluginplatform.common.store;
