package io.pluginplatform.plugin.catalogue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.pluginplatform.common.auth.Claims;
import io.pluginplatform.common.auth.Role;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The SYSTEM token plugin-service calls repository-service with: the configured one, or one minted with the shared
 * HMAC secret and reused until less than half of its lifetime remains. Its value is never logged.
 */
final class ServiceToken {

    static final String SUBJECT = "plugin-service";
    static final Duration LIFETIME = Duration.ofHours(1);
    private static final int MIN_SECRET_BYTES = 32;

    private final String configured;
    private final JWSSigner signer;
    private final String issuer;
    private final Clock clock;
    private volatile Minted minted;

    private ServiceToken(String configured, JWSSigner signer, String issuer, Clock clock) {
        this.configured = configured;
        this.signer = signer;
        this.issuer = issuer;
        this.clock = clock;
    }

    /**
     * @param token the configured service token, or {@code null}
     * @param jwtSecret the HS256 secret services verify tokens with, or {@code null}
     * @param issuer the {@code iss} that services require of tokens, or {@code null} when they require none
     */
    static ServiceToken of(String token, String jwtSecret, String issuer, Clock clock) {
        if (token != null && !token.isBlank()) {
            return new ServiceToken(token.trim(), null, null, clock);
        }
        if (jwtSecret == null || jwtSecret.isEmpty()) {
            throw new IllegalStateException(
                    "plugin-service needs a service token to call repository-service: set "
                            + "platform.repository.token (PLATFORM_SERVICE_TOKEN) to a SYSTEM token, or "
                            + "platform.security.jwt-secret (PLATFORM_JWT_SECRET) to the secret shared with repository-service");
        }
        byte[] secret = jwtSecret.getBytes(StandardCharsets.UTF_8);
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("platform.security.jwt-secret must be at least " + MIN_SECRET_BYTES
                    + " bytes to mint the service token; or set platform.repository.token (PLATFORM_SERVICE_TOKEN)");
        }
        try {
            return new ServiceToken(null, new MACSigner(secret), blankToNull(issuer), clock);
        } catch (JOSEException e) {
            throw new IllegalStateException("platform.security.jwt-secret cannot sign HS256 tokens");
        }
    }

    /** The bearer value to send. */
    String value() {
        if (configured != null) {
            return configured;
        }
        Instant now = clock.instant();
        Minted current = minted;
        if (current == null || !now.isBefore(current.renewAt())) {
            current = renew(now);
        }
        return current.token();
    }

    private synchronized Minted renew(Instant now) {
        Minted current = minted;
        if (current != null && now.isBefore(current.renewAt())) {
            return current; // another caller renewed it meanwhile
        }
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(SUBJECT)
                .claim(Claims.ROLE, Role.SYSTEM.name())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)));
        if (issuer != null) {
            // services that require an issuer would refuse the token without it
            claims.issuer(issuer);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("the service token cannot be signed", e);
        }
        minted = new Minted(jwt.serialize(), now.plus(LIFETIME.dividedBy(2)));
        return minted;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return configured != null ? "ServiceToken[configured]" : "ServiceToken[minted]";
    }

    private record Minted(String token, Instant renewAt) {}
}
