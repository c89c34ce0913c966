package io.pluginplatform.repository.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binding with Spring Boot's binder alone, no application context. */
class RegistryPropertiesTest {

    @Test
    void hasTheSpecifiedDefaultsWhenNothingIsConfigured() {
        RegistryProperties properties = bind(Map.of());

        assertThat(properties).isEqualTo(RegistryProperties.defaults());
        assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.maxRetries()).isEqualTo(2);
        assertThat(properties.maxRetryAfter()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.cacheTtl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.staleTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.mirror()).isEmpty();
    }

    @Test
    void bindsDurationsAndAMirrorKeyedByADottedHost() {
        RegistryProperties properties = bind(Map.of(
                "platform.registry.read-timeout", "300ms",
                "platform.registry.max-retries", "1",
                "platform.registry.cache-ttl", "5m",
                "platform.registry.mirror.registry.hub.docker.com", "127.0.0.1:5000",
                "platform.registry.mirror[ghcr.io]", "http://mirror.internal:5000"));

        assertThat(properties.readTimeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(properties.maxRetries()).isEqualTo(1);
        assertThat(properties.cacheTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.mirror())
                .containsEntry("registry.hub.docker.com", "127.0.0.1:5000")
                .containsEntry("ghcr.io", "http://mirror.internal:5000");
    }

    private static RegistryProperties bind(Map<String, String> source) {
        return new Binder(new MapConfigurationPropertySource(source))
                .bindOrCreate("platform.registry", Bindable.of(RegistryProperties.class));
    }
}
