package io.pluginplatform.plugin.token;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.access-token.*}: the lifetime of access tokens and the keys they are signed with.
 *
 * @param ttl how long an access token is valid
 * @param jwkSet a JWK set with private keys; the first signs, the others are previous keys still published
 * @param jwkSetFile the path of a file holding such a JWK set, instead of {@code jwk-set}
 */
@ConfigurationProperties("platform.access-token")
record AccessTokenProperties(@DefaultValue("1h") Duration ttl, String jwkSet, String jwkSetFile) {

    AccessTokenProperties {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("platform.access-token.ttl must be positive");
        }
        jwkSet = jwkSet == null || jwkSet.isBlank() ? null : jwkSet;
        jwkSetFile = jwkSetFile == null || jwkSetFile.isBlank() ? null : jwkSetFile.trim();
        if (jwkSet != null && jwkSetFile != null) {
            throw new IllegalArgumentException(
                    "set only one of platform.access-token.jwk-set and platform.access-token.jwk-set-file");
        }
    }

    /** Without the key material, so that logging the properties never leaks it. */
    @Override
    public String toString() {
        return "AccessTokenProperties[ttl=" + ttl + ", jwkSet=" + (jwkSet == null ? "none" : "(set)") + ", jwkSetFile="
                + jwkSetFile + "]";
    }
}
