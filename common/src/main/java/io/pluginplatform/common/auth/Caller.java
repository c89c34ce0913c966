package io.pluginplatform.common.auth;

import io.pluginplatform.common.error.PlatformException;

/**
 * Who is calling, from the verified token: subject, role, domain ({@code did}), the supervisor hostname for SUPERVISOR
 * tokens, and the {@code X-Domain-Id} header a SYSTEM caller may use to name a domain.
 */
public record Caller(String subject, Role role, String domainId, String hostname, String headerDomainId) {

    public boolean isSystem() {
        return role == Role.SYSTEM;
    }

    public void require(Permission permission) {
        if (!permission.grantedTo(role)) {
            throw PlatformException.forbidden("role " + role + " may not do this");
        }
    }

    /**
     * The domain a domain-scoped call works in. Every role but SYSTEM works in its token's domain and may not name
     * another; SYSTEM names it in the request or the {@code X-Domain-Id} header.
     */
    public String domain(String requested) {
        String named = blankToNull(requested);
        if (!isSystem()) {
            if (named != null && !named.equals(domainId)) {
                throw PlatformException.forbidden("domain_id differs from the token's domain");
            }
            return domainId;
        }
        if (named == null) {
            named = blankToNull(headerDomainId);
        }
        if (named == null) {
            throw PlatformException.required("domain_id");
        }
        return named;
    }

    /** Like {@link #domain(String)} but a SYSTEM caller may name no domain, meaning every domain ({@code null}). */
    public String domainOrAll(String requested) {
        if (isSystem() && blankToNull(requested) == null && blankToNull(headerDomainId) == null) {
            return null;
        }
        return domain(requested);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
