package io.pluginplatform.plugin.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.pluginplatform.common.testsupport.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ServiceTokenTest {

    static final String SECRET = "catalogue-test-secret-0123456789abcdef0123456789";

    private final TestClock clock = new TestClock(Instant.parse("2025-01-01T00:00:00Z"));

    @Test
    void aConfiguredTokenIsSentAsItIs() {
        assertThat(ServiceToken.of("configured-token", SECRET, null, clock).value())
                .isEqualTo("configured-token");
    }

    @Test
    void withoutAConfiguredTokenASystemTokenIsMintedWithTheSharedSecret() throws Exception {
        SignedJWT token =
                SignedJWT.parse(ServiceToken.of(null, SECRET, null, clock).value());

        assertThat(token.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8))))
                .isTrue();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getStringClaim("rol")).isEqualTo("SYSTEM");
        assertThat(claims.getSubject()).isEqualTo("plugin-service");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(clock.instant());
        assertThat(claims.getExpirationTime().toInstant())
                .isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        assertThat(claims.getIssuer()).isNull();
    }

    @Test
    void aMintedTokenCarriesTheIssuerServicesRequire() throws Exception {
        String token =
                ServiceToken.of(null, SECRET, "https://platform.example", clock).value();

        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getIssuer()).isEqualTo("https://platform.example");
    }

    @Test
    void aMintedTokenIsReusedUntilHalfItsLifetimeHasPassed() {
        ServiceToken serviceToken = ServiceToken.of(null, SECRET, null, clock);
        String first = serviceToken.value();

        clock.advance(Duration.ofMinutes(29));
        assertThat(serviceToken.value()).isEqualTo(first);

        clock.advance(Duration.ofMinutes(1));
        assertThat(serviceToken.value()).isNotEqualTo(first);
    }

    @Test
    void withNeitherATokenNorASecretTheServiceDoesNotStart() {
        assertThatThrownBy(() -> ServiceToken.of(null, null, null, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("platform.repository.token")
                .hasMessageContaining("platform.security.jwt-secret");
    }

    @Test
    void aSecretShorterThan32BytesIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> ServiceToken.of(null, "short-secret", null, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("platform.security.jwt-secret")
                .hasMessageNotContaining("short-secret");
    }
}
