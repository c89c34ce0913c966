/**
 * The access tokens that get_plugin_endpoint hands out (ES256 JWTs that plugins verify) and the public JWK set,
 * served at {@code GET /plugin/v1/jwks.json}, that they verify them with.
 */
package io.pluginplatform.plugin.token;
