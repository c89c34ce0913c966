package io.pluginplatform.plugin.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    private static final String SETTING = "platform.access-token.jwk-set";

    @Test
    void aJwkSetFileIsReadLikeAConfiguredJwkSet(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("jwks.json");
        Files.writeString(file, new JWKSet(newKey("key-from-file")).toString(false));

        SigningKeys keys = SigningKeys.from(new AccessTokenProperties(Duration.ofHours(1), null, file.toString()));

        assertThat(keys.keyId()).isEqualTo("key-from-file");
    }

    @Test
    void withoutConfiguredKeysAKeyIsGenerated() {
        SigningKeys keys = SigningKeys.from(new AccessTokenProperties(Duration.ofHours(1), null, null));

        assertThat(keys.keyId()).isNotBlank();
        assertThat(keys.publicKeys().getKeys())
                .singleElement()
                .satisfies(key -> assertThat(key.isPrivate()).isFalse());
    }

    @Test
    void aKeyWithoutKeyIdIsNamedByItsThumbprint() throws Exception {
        ECKey unnamed = new ECKeyGenerator(Curve.P_256).generate();

        SigningKeys keys = SigningKeys.parse(new JWKSet(unnamed).toString(false), SETTING);

        assertThat(keys.keyId()).isEqualTo(unnamed.computeThumbprint().toString());
    }

    @Test
    void previousKeysArePublishedWithoutTheirPrivateParts() throws Exception {
        JWK previous = new RSAKeyGenerator(2048).keyID("old-rsa").generate();

        SigningKeys keys = SigningKeys.parse(new JWKSet(List.of(newKey("current"), previous)).toString(false), SETTING);

        assertThat(keys.publicKeys().getKeys()).extracting(JWK::getKeyID).containsExactly("current", "old-rsa");
        assertThat(keys.publicKeys().toString(false)).doesNotContain("\"d\"", "\"p\"", "\"q\"");
    }

    @Test
    void malformedKeyMaterialIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> SigningKeys.parse("{\"keys\": [{\"kty\": \"EC\", \"d\": \"c2VjcmV0\"", SETTING))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(SETTING)
                .hasMessageNotContaining("c2VjcmV0")
                .hasNoCause();
    }

    @Test
    void aPublicKeyCannotSign() throws Exception {
        String publicOnly = new JWKSet(newKey("public")).toString(true);

        assertThatThrownBy(() -> SigningKeys.parse(publicOnly, SETTING))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EC P-256 private key");
    }

    @Test
    void aKeyOfAnotherCurveCannotSign() throws Exception {
        String p384 = new JWKSet(new ECKeyGenerator(Curve.P_384).keyID("p384").generate()).toString(false);

        assertThatThrownBy(() -> SigningKeys.parse(p384, SETTING))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EC P-256 private key");
    }

    @Test
    void anEmptyKeySetIsRefused() {
        assertThatThrownBy(() -> SigningKeys.parse("{\"keys\": []}", SETTING))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no key");
    }

    @Test
    void anUnreadableKeyFileIsRefused(@TempDir Path folder) {
        String missing = folder.resolve("missing.json").toString();

        assertThatThrownBy(() -> SigningKeys.from(new AccessTokenProperties(Duration.ofHours(1), null, missing)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("platform.access-token.jwk-set-file");
    }

    @Test
    void aKeySetAndAKeyFileCannotBothBeSet() {
        assertThatThrownBy(() -> new AccessTokenProperties(Duration.ofHours(1), "{\"keys\":[]}", "/etc/jwks.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only one of");
    }

    static ECKey newKey(String keyId) throws JOSEException {
        return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
    }
}
