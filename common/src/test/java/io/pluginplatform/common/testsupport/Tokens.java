package io.pluginplatform.common.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Mints the tokens integration tests call with, signed like the platform's own. */
public final class Tokens {

    public static final String SECRET = "integration-test-secret-0123456789abcdef0123456789";
    public static final String DOMAIN_A = "domain-aaaaaaaaaaaa";
    public static final String DOMAIN_B = "domain-bbbbbbbbbbbb";

    private Tokens() {}

    public static String admin(String domain) {
        return mint("DOMAIN_ADMIN", domain, null, Duration.ofHours(1), SECRET);
    }

    public static String member(String domain) {
        return mint("DOMAIN_MEMBER", domain, null, Duration.ofHours(1), SECRET);
    }

    public static String supervisor(String domain, String hostname) {
        return mint("SUPERVISOR", domain, hostname, Duration.ofHours(1), SECRET);
    }

    public static String system() {
        return mint("SYSTEM", null, null, Duration.ofHours(1), SECRET);
    }

    public static String expired(String domain) {
        return mint("DOMAIN_ADMIN", domain, null, Duration.ofHours(-2), SECRET);
    }

    public static String badlySigned(String domain) {
        return mint("DOMAIN_ADMIN", domain, null, Duration.ofHours(1), SECRET + "-other-key");
    }

    public static String mint(String role, String domain, String hostname, Duration ttl, String secret) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject("test-" + role.toLowerCase())
                .issueTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim("rol", role);
        if (domain != null) {
            claims.claim("did", domain);
        }
        if (hostname != null) {
            claims.claim("hostname", hostname);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
