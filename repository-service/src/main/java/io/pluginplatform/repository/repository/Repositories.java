package io.pluginplatform.repository.repository;

import io.pluginplatform.common.api.repository.RepositoryInfo;
import io.pluginplatform.common.api.repository.RepositoryType;

/** The two repositories that always exist. */
public final class Repositories {

    public static final String LOCAL_ID = "repo-local";
    public static final String MANAGED_ID = "repo-managed";

    public static final RepositoryInfo LOCAL = new RepositoryInfo(LOCAL_ID, "Local", RepositoryType.LOCAL, null, null);
    public static final RepositoryInfo MANAGED =
            new RepositoryInfo(MANAGED_ID, "Managed", RepositoryType.MANAGED, null, null);

    private Repositories() {}

    /** The reference of a local or managed repository, or {@code null} for any other id. */
    public static RepositoryInfo builtIn(String repositoryId) {
        if (LOCAL_ID.equals(repositoryId)) {
            return LOCAL;
        }
        if (MANAGED_ID.equals(repositoryId)) {
            return MANAGED;
        }
        return null;
    }
}
