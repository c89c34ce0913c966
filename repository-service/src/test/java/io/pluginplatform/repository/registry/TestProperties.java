package io.pluginplatform.repository.registry;

import java.time.Duration;
import java.util.Map;

/** Registry properties for tests: the defaults, with a short read timeout where a test waits for one. */
final class TestProperties {

    private TestProperties() {}

    static RegistryProperties defaults() {
        return RegistryProperties.defaults();
    }

    static RegistryProperties withReadTimeout(Duration readTimeout) {
        RegistryProperties defaults = RegistryProperties.defaults();
        return new RegistryProperties(
                defaults.connectTimeout(),
                readTimeout,
                defaults.maxRetries(),
                Duration.ofMillis(10),
                defaults.maxRetryAfter(),
                defaults.cacheTtl(),
                defaults.staleTtl(),
                defaults.cacheSize(),
                defaults.mirror());
    }

    static RegistryProperties withMirror(String registry, String mirror) {
        RegistryProperties defaults = RegistryProperties.defaults();
        return new RegistryProperties(
                defaults.connectTimeout(),
                defaults.readTimeout(),
                defaults.maxRetries(),
                defaults.retryBackoff(),
                defaults.maxRetryAfter(),
                defaults.cacheTtl(),
                defaults.staleTtl(),
                defaults.cacheSize(),
                Map.of(registry, mirror));
    }
}
