package io.pluginplatform.common.auth;

import static io.pluginplatform.common.auth.Role.DOMAIN_ADMIN;
import static io.pluginplatform.common.auth.Role.DOMAIN_MEMBER;
import static io.pluginplatform.common.auth.Role.SUPERVISOR;
import static io.pluginplatform.common.auth.Role.SYSTEM;

import java.util.EnumSet;
import java.util.Set;

/** The permission table of the API conventions (§5), as data: which roles may perform each kind of action. */
public enum Permission {
    CATALOGUE_READ(DOMAIN_MEMBER, DOMAIN_ADMIN, SUPERVISOR, SYSTEM),
    CATALOGUE_WRITE(DOMAIN_ADMIN, SYSTEM),
    REMOTE_REPOSITORY_WRITE(SYSTEM),
    PLUGIN_ENDPOINT(DOMAIN_MEMBER, DOMAIN_ADMIN, SYSTEM),
    SUPERVISOR_READ(DOMAIN_MEMBER, DOMAIN_ADMIN, SUPERVISOR, SYSTEM),
    SUPERVISOR_ADMIN(DOMAIN_ADMIN, SYSTEM),
    PUBLISH(SUPERVISOR, SYSTEM),
    MAKE_PUBLIC(SYSTEM);

    private final Set<Role> roles;

    Permission(Role first, Role... rest) {
        this.roles = EnumSet.of(first, rest);
    }

    public boolean grantedTo(Role role) {
        return roles.contains(role);
    }
}
