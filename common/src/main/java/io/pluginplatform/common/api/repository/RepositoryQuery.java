package io.pluginplatform.common.api.repository;

import io.pluginplatform.common.query.Query;

/** repository list. */
public record RepositoryQuery(Query query, String repositoryId, String name, RepositoryType repositoryType) {}
