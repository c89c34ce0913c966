/** Repositories: the local and managed ones and remote repository-services reached over REST. */
package io.pluginplatform.repository.repository;
