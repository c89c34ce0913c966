package io.pluginplatform.common.auth;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How tokens are verified: an HS256 shared secret ({@code platform.security.jwt-secret}, at least 32 bytes) or an
 * issuer's JWK set ({@code platform.security.jwk-set-uri}); plus the origins a web console may call from.
 */
@ConfigurationProperties("platform.security")
public record SecurityProperties(String jwtSecret, String jwkSetUri, String issuer, List<String> corsAllowedOrigins) {

    public SecurityProperties {
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
    }
}
