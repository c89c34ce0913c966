package io.pluginplatform.common.auth;

/** The four roles a token can carry in its {@code rol} claim. */
public enum Role {
    DOMAIN_MEMBER,
    DOMAIN_ADMIN,
    SUPERVISOR,
    SYSTEM;

    static Role parse(String claim) {
        if (claim == null) {
            return null;
        }
        for (Role role : values()) {
            if (role.name().equals(claim)) {
                return role;
            }
        }
        return null;
    }
}
