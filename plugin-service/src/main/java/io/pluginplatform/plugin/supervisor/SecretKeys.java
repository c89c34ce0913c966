package io.pluginplatform.plugin.supervisor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Supervisor secret keys, stored as {@code sha256$<salt>$<digest>}. A key is machine-generated and long (at least 8
 * characters are required, agents generate 32 random bytes), so one salted SHA-256 suffices and keeps a publish — up to
 * hundreds a second — cheap; a slow password hash would be the tool for a human's password. Verification compares in
 * constant time.
 */
final class SecretKeys {

    private static final String SCHEME = "sha256";
    private static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretKeys() {}

    static String hash(String secretKey) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(digest(salt, secretKey));
    }

    static boolean matches(String secretKey, String stored) {
        if (secretKey == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 3 || !SCHEME.equals(parts[0])) {
            return false;
        }
        Base64.Decoder base64 = Base64.getDecoder();
        byte[] salt = base64.decode(parts[1]);
        byte[] expected = base64.decode(parts[2]);
        return MessageDigest.isEqual(expected, digest(salt, secretKey));
    }

    private static byte[] digest(byte[] salt, String secretKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return sha256.digest(secretKey.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
