package io.pluginplatform.repository.system;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's cross-cutting beans: the UTC clock and the cipher for stored secrets. */
@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SystemConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The key comes from {@code platform.secrets.encryption-key}; without one, it is derived from the JWT secret (a
     * development convenience that the log names) so that a fresh checkout starts.
     */
    @Bean
    SecretCipher secretCipher(
            @Value("${platform.secrets.encryption-key:}") String encryptionKey,
            @Value("${platform.security.jwt-secret:}") String jwtSecret) {
        if (!encryptionKey.isBlank()) {
            return new SecretCipher(encryptionKey);
        }
        if (jwtSecret.getBytes(StandardCharsets.UTF_8).length >= 32) {
            log.warn("PLATFORM_ENCRYPTION_KEY is not set: stored registry secrets are encrypted with a key derived "
                    + "from the JWT secret; set PLATFORM_ENCRYPTION_KEY in production");
            return new SecretCipher("stored-secrets:" + jwtSecret);
        }
        throw new IllegalStateException("platform.secrets.encryption-key (PLATFORM_ENCRYPTION_KEY) must be set");
    }
}
