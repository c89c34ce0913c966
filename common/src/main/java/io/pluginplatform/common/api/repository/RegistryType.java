package io.pluginplatform.common.api.repository;

/** The container registries a plugin image can live in; all but Docker Hub are read through the OCI API. */
public enum RegistryType {
    DOCKER_HUB("registry.hub.docker.com"),
    AWS_PUBLIC_ECR("public.ecr.aws"),
    HARBOR(null),
    GITHUB("ghcr.io"),
    OCI(null);

    private final String defaultUrl;

    RegistryType(String defaultUrl) {
        this.defaultUrl = defaultUrl;
    }

    /** The registry host used when a plugin names none, or {@code null} when the type requires one. */
    public String defaultUrl() {
        return defaultUrl;
    }
}
