package io.pluginplatform.common.testsupport;

import io.pluginplatform.common.auth.Permission;
import io.pluginplatform.common.auth.Role;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One application route as the handler mappings know it: HTTP method, path pattern, the permission its handler
 * declares (null when none, which the permission check refuses) and whether it works in a caller's domain.
 */
public record Route(String method, String pattern, Permission permission, boolean domainScoped, String handler) {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

    /** {@code "PUT /plugin/v1/supervisor/{supervisor_id}"}, as the spec's route tables write it. */
    public String key() {
        return method + " " + pattern;
    }

    public boolean takesBody() {
        return method.equals("POST") || method.equals("PUT");
    }

    /** True when the permission table refuses this route to {@code role}. */
    public boolean deniedTo(Role role) {
        return permission == null || !permission.grantedTo(role);
    }

    /** The path with each variable replaced by its sample value, or by a made-up one when none is given. */
    public String path(Map<String, String> samples) {
        Matcher matcher = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = samples.getOrDefault(name, "sample-" + name.replace('_', '-'));
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    @Override
    public String toString() {
        return key();
    }
}
