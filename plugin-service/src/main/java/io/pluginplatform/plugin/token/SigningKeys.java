package io.pluginplatform.plugin.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key access tokens are signed with (an EC P-256 private key, ES256) and the public JWK set plugins verify them
 * with: the signing key first, then the previous keys that tokens still in circulation were signed with. Messages
 * about bad key material never repeat it.
 */
final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final ECKey signingKey;
    private final JWSSigner signer;
    private final JWKSet publicKeys;

    /** @param previous the public parts of the previous keys */
    private SigningKeys(ECKey signingKey, List<JWK> previous) {
        this.signingKey = signingKey;
        try {
            this.signer = new ECDSASigner(signingKey);
        } catch (JOSEException e) {
            throw new IllegalStateException("the access token signing key cannot sign ES256");
        }
        List<JWK> published = new ArrayList<>();
        published.add(signingKey.toPublicJWK());
        published.addAll(previous);
        this.publicKeys = new JWKSet(published);
    }

    /** From {@code jwk-set} or {@code jwk-set-file}; a generated key, with a warning, when neither is set. */
    static SigningKeys from(AccessTokenProperties properties) {
        if (properties.jwkSet() != null) {
            return parse(properties.jwkSet(), "platform.access-token.jwk-set");
        }
        if (properties.jwkSetFile() != null) {
            String source = "platform.access-token.jwk-set-file";
            String json;
            try {
                json = Files.readString(Path.of(properties.jwkSetFile()), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException(source + " cannot be read (" + properties.jwkSetFile() + ": "
                        + e.getClass().getSimpleName() + ")");
            }
            return parse(json, source);
        }
        log.warn("No access token signing key is configured: a key was generated for this run, so access tokens will "
                + "not verify on other plugin-service instances or after a restart. Share one key by setting "
                + "platform.access-token.jwk-set (PLATFORM_ACCESS_TOKEN_JWKS) or platform.access-token.jwk-set-file to "
                + "a JWK set with an EC P-256 private key");
        return generate();
    }

    static SigningKeys generate() {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true)
                    .generate();
            return new SigningKeys(key, List.of());
        } catch (JOSEException e) {
            throw new IllegalStateException("no EC P-256 key can be generated for access tokens", e);
        }
    }

    /** @param source the setting the JWK set came from, named in messages instead of its content */
    static SigningKeys parse(String json, String source) {
        JWKSet set;
        try {
            set = JWKSet.parse(json);
        } catch (ParseException | RuntimeException e) {
            // the parser's message may quote the input: it is not repeated
            throw new IllegalStateException(source + " is not a valid JWK set");
        }
        List<JWK> keys = set.getKeys();
        if (keys.isEmpty()) {
            throw new IllegalStateException(source + " holds no key");
        }
        if (!(keys.get(0) instanceof ECKey first) || !Curve.P_256.equals(first.getCurve()) || !first.isPrivate()) {
            throw new IllegalStateException(
                    "the first key of " + source + " must be an EC P-256 private key: it signs access tokens (ES256)");
        }
        if (first.getAlgorithm() != null && !JWSAlgorithm.ES256.equals(first.getAlgorithm())) {
            throw new IllegalStateException("the first key of " + source + " must be for ES256");
        }
        if (first.getKeyUse() != null && !KeyUse.SIGNATURE.equals(first.getKeyUse())) {
            throw new IllegalStateException("the first key of " + source + " must be a signature key (use = sig)");
        }
        ECKey signing = new ECKey.Builder(first)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.ES256)
                .keyID(first.getKeyID() != null ? first.getKeyID() : thumbprint(first, source))
                .build();
        List<JWK> previous = new ArrayList<>();
        Set<String> keyIds = new HashSet<>();
        keyIds.add(signing.getKeyID());
        for (JWK key : keys.subList(1, keys.size())) {
            JWK publicKey = published(key, source);
            if (!keyIds.add(publicKey.getKeyID())) {
                throw new IllegalStateException(source + " lists two keys with the key id " + publicKey.getKeyID());
            }
            previous.add(publicKey);
        }
        return new SigningKeys(signing, previous);
    }

    String keyId() {
        return signingKey.getKeyID();
    }

    JWSSigner signer() {
        return signer;
    }

    /** Every key's public part, the signing key first. */
    JWKSet publicKeys() {
        return publicKeys;
    }

    private static String thumbprint(JWK key, String source) {
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("a key of " + source + " has no computable thumbprint for its key id");
        }
    }

    /** A previous key as published: its public part, named by its thumbprint when it has no key id. */
    private static JWK published(JWK key, String source) {
        JWK publicKey = key.toPublicJWK();
        if (publicKey == null) {
            throw new IllegalStateException(
                    source + " holds a symmetric key: only EC, RSA or OKP keys can be published");
        }
        if (publicKey.getKeyID() != null) {
            return publicKey;
        }
        Map<String, Object> json = new LinkedHashMap<>(publicKey.toJSONObject());
        json.put("kid", thumbprint(publicKey, source));
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException(source + " holds a key that cannot be given a key id");
        }
    }
}
