/** The security bars S1, S2, S3 and S6: authentication, domain isolation, roles and query injection. */
package io.pluginplatform.repository.security;
