/**
 * The security bars S1, S2, S3, S4 and S6 for plugin-service: authentication, domain isolation, roles, the
 * supervisor secret key and query injection.
 */
package io.pluginplatform.plugin.security;
