package io.pluginplatform.plugin.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.pluginplatform.common.auth.Claims;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Issues the {@code access_token} of get_plugin_endpoint: an ES256 JWT naming the caller ({@code sub}), its domain
 * ({@code did}), the plugin ({@code aud}) and the version served ({@code ver}), which the plugin verifies against the
 * published JWK set. Signing is the dearest step of the hot path, so a token is handed out again for the same
 * arguments while more than half of its lifetime remains.
 */
@Component
public class AccessTokens {

    static final String ISSUER = "plugin-service";
    static final String VERSION = "ver";

    // bounds the memory of the reuse: beyond it the least used tokens are signed again
    private static final int MAX_CACHED_TOKENS = 10_000;

    private final SigningKeys keys;
    private final Duration ttl;
    private final Clock clock;
    private final JWSHeader header;
    private final Cache<Key, Issued> issued;

    AccessTokens(SigningKeys keys, AccessTokenProperties properties, Clock clock) {
        this.keys = keys;
        this.ttl = properties.ttl();
        this.clock = clock;
        this.header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(keys.keyId())
                .type(JOSEObjectType.JWT)
                .build();
        // eviction only frees memory; whether a token is still young enough is decided against the clock below
        this.issued = Caffeine.newBuilder()
                .maximumSize(MAX_CACHED_TOKENS)
                .expireAfterWrite(ttl.dividedBy(2))
                .build();
    }

    /** A token for {@code subject} of {@code domainId} to call {@code version} of {@code pluginId}. */
    public String issue(String subject, String domainId, String pluginId, String version) {
        Key key = new Key(subject, domainId, pluginId, version);
        Instant now = clock.instant();
        Issued current = issued.getIfPresent(key);
        if (current == null || !now.isBefore(current.renewAt())) {
            // two callers may both sign here at the turn of a token; either token is valid
            current = sign(key, now);
            issued.put(key, current);
        }
        return current.token();
    }

    private Issued sign(Key key, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(key.subject())
                .audience(key.pluginId())
                .claim(Claims.DOMAIN, key.domainId())
                .claim(VERSION, key.version())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(keys.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("an access token cannot be signed", e);
        }
        return new Issued(jwt.serialize(), now.plus(ttl.dividedBy(2)));
    }

    private record Key(String subject, String domainId, String pluginId, String version) {

        Key {
            requireText(subject, "subject");
            requireText(domainId, "domainId");
            requireText(pluginId, "pluginId");
            requireText(version, "version");
        }

        private static void requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " is required for an access token");
            }
        }
    }

    private record Issued(String token, Instant renewAt) {}
}
