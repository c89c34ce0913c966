package io.pluginplatform.repository.registry;

import java.util.Map;

/**
 * How to authenticate to a registry, from a plugin's {@code registry_config}: a user name and password, or a token
 * used as is. {@code insecure} allows plain HTTP to a host that is not the loopback. {@link #toString()} never shows
 * the secrets.
 */
public record RegistryCredentials(String username, String password, String token, boolean insecure) {

    private static final RegistryCredentials ANONYMOUS = new RegistryCredentials(null, null, null, false);

    public static RegistryCredentials anonymous() {
        return ANONYMOUS;
    }

    /** Reads {@code username}, {@code password}, {@code token} and {@code insecure} from a registry configuration. */
    public static RegistryCredentials fromConfig(Map<String, ?> registryConfig) {
        if (registryConfig == null || registryConfig.isEmpty()) {
            return ANONYMOUS;
        }
        Object insecure = registryConfig.get("insecure");
        return new RegistryCredentials(
                text(registryConfig.get("username")),
                text(registryConfig.get("password")),
                text(registryConfig.get("token")),
                insecure instanceof Boolean flag ? flag : "true".equalsIgnoreCase(String.valueOf(insecure)));
    }

    public boolean hasToken() {
        return token != null && !token.isBlank();
    }

    public boolean hasUsernameAndPassword() {
        return username != null && !username.isBlank() && password != null && !password.isEmpty();
    }

    boolean isAnonymous() {
        return !hasToken() && !hasUsernameAndPassword();
    }

    @Override
    public String toString() {
        return "RegistryCredentials[username=" + mask(username) + ", password=" + mask(password) + ", token="
                + mask(token) + ", insecure=" + insecure + "]";
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String mask(String value) {
        return value == null || value.isEmpty() ? "<none>" : "<set>";
    }
}
