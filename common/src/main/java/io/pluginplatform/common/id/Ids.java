package io.pluginplatform.common.id;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Generates resource identifiers such as {@code repo-1a2b3c4d5e6f}: a prefix, a dash and 12 random hex digits. */
public final class Ids {

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final int RANDOM_BYTES = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    /** A new identifier for the given resource prefix ({@code repo}, {@code supervisor}, ...). */
    public static String generate(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("id prefix must be lower-case letters, digits and dashes: " + prefix);
        }
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return prefix + "-" + HexFormat.of().formatHex(bytes);
    }
}
