package io.pluginplatform.repository.managed;

import io.pluginplatform.common.api.repository.RegistryType;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the bundled catalogue is read from and which registry its images live in: by default Docker Hub; pointed at a
 * local registry (type {@code OCI}, URL {@code 127.0.0.1:5000}, an image prefix) the catalogue works offline.
 */
@ConfigurationProperties("platform.managed")
record ManagedCatalogueProperties(String location, RegistryType registryType, String registryUrl, String imagePrefix) {

    ManagedCatalogueProperties {
        location = location == null || location.isBlank() ? "classpath:managed/*.yaml" : location;
        registryType = registryType == null ? RegistryType.DOCKER_HUB : registryType;
        imagePrefix = imagePrefix == null ? "" : imagePrefix;
    }
}
