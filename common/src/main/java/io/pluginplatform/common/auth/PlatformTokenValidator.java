package io.pluginplatform.common.auth;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Rejects tokens that verify but do not describe a platform caller: an unknown role, a domain role without
 * {@code did}, a SUPERVISOR without {@code hostname}, or no expiry.
 */
class PlatformTokenValidator implements OAuth2TokenValidator<Jwt> {

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Role role = Role.parse(token.getClaimAsString(Claims.ROLE));
        if (role == null) {
            return failure("the token has no valid rol claim");
        }
        if (token.getExpiresAt() == null) {
            return failure("the token has no exp claim");
        }
        if (role != Role.SYSTEM && isBlank(token.getClaimAsString(Claims.DOMAIN))) {
            return failure("the token has no did claim");
        }
        if (role == Role.SUPERVISOR && isBlank(token.getClaimAsString(Claims.HOSTNAME))) {
            return failure("a SUPERVISOR token needs a hostname claim");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static OAuth2TokenValidatorResult failure(String message) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", message, null));
    }
}
