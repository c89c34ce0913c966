package io.pluginplatform.repository.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code WWW-Authenticate} challenge: its scheme ({@code bearer} or {@code basic}) and parameters
 * ({@code realm}, {@code service}, {@code scope}).
 */
record AuthChallenge(String scheme, Map<String, String> parameters) {

    private static final Pattern SCHEME = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9._~+/-]*)\\s*(.*)", Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile("([A-Za-z0-9_-]+)\\s*=\\s*(?:\"([^\"]*)\"|([^,\\s]*))");

    boolean isBearer() {
        return scheme.equals("bearer");
    }

    boolean isBasic() {
        return scheme.equals("basic");
    }

    String parameter(String name) {
        return parameters.get(name);
    }

    /** The first bearer challenge among the headers, else the first basic one, else {@code null}. */
    static AuthChallenge select(List<String> headerValues) {
        AuthChallenge basic = null;
        for (String value : headerValues) {
            AuthChallenge challenge = parse(value);
            if (challenge == null) {
                continue;
            }
            if (challenge.isBearer()) {
                return challenge;
            }
            if (challenge.isBasic() && basic == null) {
                basic = challenge;
            }
        }
        return basic;
    }

    static AuthChallenge parse(String headerValue) {
        if (headerValue == null || headerValue.length() > 4096) {
            return null;
        }
        Matcher scheme = SCHEME.matcher(headerValue);
        if (!scheme.matches()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher parameter = PARAMETER.matcher(scheme.group(2));
        while (parameter.find()) {
            String value = parameter.group(2) != null ? parameter.group(2) : parameter.group(3);
            parameters.putIfAbsent(parameter.group(1).toLowerCase(Locale.ROOT), value);
        }
        return new AuthChallenge(scheme.group(1).toLowerCase(Locale.ROOT), Map.copyOf(parameters));
    }
}
