package io.pluginplatform.repository.registry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the registry connectors behind {@link RegistryVersions}, configured by {@link RegistryProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegistryProperties.class)
public class RegistryConfiguration {

    @Bean
    RegistryVersions registryVersions(RegistryProperties properties) {
        return RegistryVersions.create(properties);
    }
}
