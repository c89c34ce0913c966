package io.pluginplatform.common.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route served without a token, such as the JWK set that plugins verify access tokens with. The annotation only
 * exempts the route from {@link PermissionInterceptor}; the path must also be one that
 * {@link SecurityConfiguration#PUBLIC_ROUTES} lets through, so that making a route public takes both.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PublicRoute {}
