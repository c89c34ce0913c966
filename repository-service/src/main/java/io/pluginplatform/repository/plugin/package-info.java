/** Catalogue plugins: register, update, state, get, list, stat and versions, with their rules. */
package io.pluginplatform.repository.plugin;
