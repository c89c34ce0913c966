package io.pluginplatform.common.auth;

import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets controllers take a {@link Caller} parameter built from the verified token. */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    public static final String DOMAIN_HEADER = "X-Domain-Id";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        return current(request == null ? null : request.getHeader(DOMAIN_HEADER));
    }

    static Caller current(String headerDomainId) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            throw PlatformException.of(ErrorCode.ERROR_AUTHENTICATE_FAILURE, "message", "no token");
        }
        return new Caller(
                jwt.getSubject(),
                Role.parse(jwt.getClaimAsString(Claims.ROLE)),
                jwt.getClaimAsString(Claims.DOMAIN),
                jwt.getClaimAsString(Claims.HOSTNAME),
                headerDomainId);
    }
}
