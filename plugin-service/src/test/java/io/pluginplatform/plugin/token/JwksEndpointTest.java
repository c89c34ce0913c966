package io.pluginplatform.plugin.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.pluginplatform.common.testsupport.Api;
import io.pluginplatform.plugin.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class JwksEndpointTest extends IntegrationTest {

    @Autowired
    AccessTokens tokens;

    @Test
    void theJwkSetIsServedWithoutATokenAndHoldsNoPrivatePart() throws Exception {
        Api.Response response = api.get("/plugin/v1/jwks.json", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JWKSet keys = JWKSet.parse(response.body());
        assertThat(keys.getKeys()).isNotEmpty().allSatisfy(key -> {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.toJSONObject()).doesNotContainKey("d");
        });
        assertThat(response.json().path("keys").get(0).has("d")).isFalse();
    }

    @Test
    void anIssuedAccessTokenVerifiesAgainstTheServedJwkSet() throws Exception {
        SignedJWT token = SignedJWT.parse(tokens.issue("user-1", "domain-aaaaaaaaaaaa", "plugin-x", "1.0.0"));

        JWK key = JWKSet.parse(api.get("/plugin/v1/jwks.json", null).body())
                .getKeyByKeyId(token.getHeader().getKeyID());

        assertThat(key).isNotNull();
        assertThat(token.verify(new ECDSAVerifier(key.toECKey()))).isTrue();
    }
}
