package io.pluginplatform.common.auth;

/** The claim names of platform tokens. */
public final class Claims {

    public static final String DOMAIN = "did";
    public static final String ROLE = "rol";
    public static final String HOSTNAME = "hostname";

    private Claims() {}
}
