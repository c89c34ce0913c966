package io.pluginplatform.plugin.token;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@code platform.access-token.*} and loads the signing keys, failing at start on bad key material. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessTokenProperties.class)
class AccessTokenConfiguration {

    @Bean
    SigningKeys accessTokenSigningKeys(AccessTokenProperties properties) {
        return SigningKeys.from(properties);
    }
}
