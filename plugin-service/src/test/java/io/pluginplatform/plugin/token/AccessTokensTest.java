package io.pluginplatform.plugin.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.pluginplatform.common.testsupport.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    private static final String CALLER = "user-1";
    private static final String DOMAIN = "domain-aaaaaaaaaaaa";
    private static final String PLUGIN = "plugin-jira-noti-protocol";
    private static final String VERSION = "1.2.2";

    private final TestClock clock = new TestClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final SigningKeys keys = SigningKeys.generate();
    private final AccessTokens tokens =
            new AccessTokens(keys, new AccessTokenProperties(Duration.ofHours(1), null, null), clock);

    @Test
    void aTokenVerifiesAgainstThePublishedKeySetAndNamesCallerDomainPluginAndVersion() throws Exception {
        SignedJWT token = SignedJWT.parse(tokens.issue(CALLER, DOMAIN, PLUGIN, VERSION));

        JWK key = published(keys).getKeyByKeyId(token.getHeader().getKeyID());
        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(token.verify(new ECDSAVerifier(key.toECKey()))).isTrue();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getAudience()).containsExactly(PLUGIN);
        assertThat(claims.getSubject()).isEqualTo(CALLER);
        assertThat(claims.getStringClaim("did")).isEqualTo(DOMAIN);
        assertThat(claims.getStringClaim("ver")).isEqualTo(VERSION);
        assertThat(claims.getIssuer()).isEqualTo("plugin-service");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(clock.instant());
        assertThat(claims.getExpirationTime().toInstant())
                .isEqualTo(clock.instant().plus(Duration.ofHours(1)));
    }

    @Test
    void theLifetimeOfATokenIsConfigurable() throws Exception {
        AccessTokens shortLived =
                new AccessTokens(keys, new AccessTokenProperties(Duration.ofMinutes(10), null, null), clock);

        JWTClaimsSet claims = SignedJWT.parse(shortLived.issue(CALLER, DOMAIN, PLUGIN, VERSION))
                .getJWTClaimsSet();

        assertThat(claims.getExpirationTime().toInstant())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
    }

    @Test
    void theSameArgumentsGetTheSameTokenWhileMoreThanHalfItsLifetimeRemains() {
        String first = tokens.issue(CALLER, DOMAIN, PLUGIN, VERSION);

        clock.advance(Duration.ofMinutes(29));
        assertThat(tokens.issue(CALLER, DOMAIN, PLUGIN, VERSION)).isEqualTo(first);

        clock.advance(Duration.ofMinutes(1));
        assertThat(tokens.issue(CALLER, DOMAIN, PLUGIN, VERSION)).isNotEqualTo(first);
    }

    @Test
    void differentArgumentsGetDifferentTokens() {
        String token = tokens.issue(CALLER, DOMAIN, PLUGIN, VERSION);

        assertThat(tokens.issue("user-2", DOMAIN, PLUGIN, VERSION)).isNotEqualTo(token);
        assertThat(tokens.issue(CALLER, "domain-bbbbbbbbbbbb", PLUGIN, VERSION)).isNotEqualTo(token);
        assertThat(tokens.issue(CALLER, DOMAIN, "plugin-other", VERSION)).isNotEqualTo(token);
        assertThat(tokens.issue(CALLER, DOMAIN, PLUGIN, "1.2.1")).isNotEqualTo(token);
    }

    @Test
    void withTwoConfiguredKeysTheFirstSignsAndBothArePublished() throws Exception {
        ECKey current = SigningKeysTest.newKey("key-2025");
        ECKey previous = SigningKeysTest.newKey("key-2024");
        SigningKeys configured = SigningKeys.parse(
                new JWKSet(List.of(current, previous)).toString(false), "platform.access-token.jwk-set");
        AccessTokens rotated =
                new AccessTokens(configured, new AccessTokenProperties(Duration.ofHours(1), null, null), clock);

        SignedJWT token = SignedJWT.parse(rotated.issue(CALLER, DOMAIN, PLUGIN, VERSION));

        assertThat(token.getHeader().getKeyID()).isEqualTo("key-2025");
        assertThat(token.verify(new ECDSAVerifier(current.toPublicJWK()))).isTrue();
        assertThat(token.verify(new ECDSAVerifier(previous.toPublicJWK()))).isFalse();
        JWKSet published = published(configured);
        assertThat(published.getKeys()).extracting(JWK::getKeyID).containsExactly("key-2025", "key-2024");
        assertThat(published.getKeys())
                .allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
    }

    private static JWKSet published(SigningKeys keys) throws Exception {
        String body = new JwksController(keys).jwks().getBody();
        assertThat(JWKSet.parse(body).getKeys())
                .allSatisfy(key -> assertThat(key.toJSONObject()).doesNotContainKey("d"));
        return JWKSet.parse(body);
    }
}
