package io.pluginplatform.plugin.catalogue;

import io.pluginplatform.common.auth.SecurityProperties;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@code platform.repository.*} and chooses the service token, failing at start when there is none. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RepositoryProperties.class)
class CatalogueConfiguration {

    @Bean
    ServiceToken catalogueServiceToken(RepositoryProperties repository, SecurityProperties security, Clock clock) {
        return ServiceToken.of(repository.token(), security.jwtSecret(), security.issuer(), clock);
    }
}
