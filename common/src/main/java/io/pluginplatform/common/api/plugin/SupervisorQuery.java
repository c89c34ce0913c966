package io.pluginplatform.common.api.plugin;

import io.pluginplatform.common.query.Query;

/** supervisor list: simple filters plus the query language, within the caller's domain. */
public record SupervisorQuery(
        Query query,
        String supervisorId,
        String name,
        Boolean isPublic,
        String hostname,
        SupervisorState state,
        String domainId) {}
