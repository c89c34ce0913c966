/**
 * plugin-service's client of repository-service: the plugins and versions a domain sees, read over REST with the
 * service token and cached briefly so that the endpoint broker's hot path never calls it.
 */
package io.pluginplatform.plugin.catalogue;
