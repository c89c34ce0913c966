package io.pluginplatform.common.auth;

import io.pluginplatform.common.error.PlatformException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks a route's {@link RequiresPermission} against the caller's role before the handler reads the request, so that
 * a forbidden caller learns nothing from validation errors. Application routes without the annotation are refused,
 * unless they are marked {@link PublicRoute}.
 */
public class PermissionInterceptor implements HandlerInterceptor {

    private final String applicationPackage;

    /** @param applicationPackage routes of controllers in this package (and below) must declare a permission */
    public PermissionInterceptor(String applicationPackage) {
        this.applicationPackage = applicationPackage;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        if (!method.getBeanType().getPackageName().startsWith(applicationPackage)) {
            return true;
        }
        if (method.hasMethodAnnotation(PublicRoute.class)
                || method.getBeanType().isAnnotationPresent(PublicRoute.class)) {
            return true;
        }
        RequiresPermission required = method.getMethodAnnotation(RequiresPermission.class);
        if (required == null) {
            required = method.getBeanType().getAnnotation(RequiresPermission.class);
        }
        if (required == null) {
            throw PlatformException.forbidden("route declares no permission");
        }
        CallerArgumentResolver.current(null).require(required.value());
        return true;
    }
}
