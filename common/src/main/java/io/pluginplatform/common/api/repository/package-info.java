/** The repository-service messages: plugins, repositories and versions. */
package io.pluginplatform.common.api.repository;
