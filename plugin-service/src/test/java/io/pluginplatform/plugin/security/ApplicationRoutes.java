package io.pluginplatform.plugin.security;

import io.pluginplatform.common.auth.Caller;
import io.pluginplatform.common.auth.PublicRoute;
import io.pluginplatform.common.auth.RequiresPermission;
import io.pluginplatform.common.testsupport.Route;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The application's routes, read from its own handler mappings (public routes left out) so that a new route is covered
 * without editing a list, and the route table of plugin-service.md §1 written out, to check the enumeration against.
 */
final class ApplicationRoutes {

    static final String APPLICATION_PACKAGE = "io.pluginplatform.plugin";

    /** get_plugin_endpoint and notify_failure: DOMAIN_MEMBER, DOMAIN_ADMIN and SYSTEM. */
    static final List<String> ENDPOINT_ROUTES = List.of(
            "POST /plugin/v1/plugin/{plugin_id}/get-endpoint",
            "POST /plugin/v1/plugin/get-endpoint",
            "POST /plugin/v1/plugin/get-plugin-endpoint",
            "PUT /plugin/v1/plugin/{plugin_id}/notify-failure",
            "POST /plugin/v1/plugin/notify-failure");

    /** publish: SUPERVISOR and SYSTEM. */
    static final List<String> PUBLISH_ROUTES =
            List.of("POST /plugin/v1/supervisors", "POST /plugin/v1/supervisor/publish");

    /** Supervisor administration (register, update, deregister, enable, disable, recover_plugin): DOMAIN_ADMIN, SYSTEM. */
    static final List<String> SUPERVISOR_ADMIN_ROUTES = List.of(
            "POST /plugin/v1/supervisor/{supervisor_id}/register",
            "POST /plugin/v1/supervisor/register",
            "PUT /plugin/v1/supervisor/{supervisor_id}",
            "POST /plugin/v1/supervisor/update",
            "DELETE /plugin/v1/supervisor/{supervisor_id}/register",
            "POST /plugin/v1/supervisor/deregister",
            "PUT /plugin/v1/supervisor/{supervisor_id}/enable",
            "POST /plugin/v1/supervisor/enable",
            "PUT /plugin/v1/supervisor/{supervisor_id}/disable",
            "POST /plugin/v1/supervisor/disable",
            "POST /plugin/v1/supervisor/{supervisor_id}/plugin/{plugin_id}/recover",
            "POST /plugin/v1/supervisor/recover-plugin");

    /** Supervisor reads (get, list, stat, list_plugins): every role, a SUPERVISOR its own supervisor only. */
    static final List<String> SUPERVISOR_READ_ROUTES = List.of(
            "GET /plugin/v1/supervisor/{supervisor_id}",
            "POST /plugin/v1/supervisor/get",
            "GET /plugin/v1/supervisors",
            "POST /plugin/v1/supervisors/search",
            "POST /plugin/v1/supervisor/list",
            "POST /plugin/v1/supervisors/stat",
            "POST /plugin/v1/supervisor/stat",
            "GET /plugin/v1/supervisor/{supervisor_id}/plugins",
            "POST /plugin/v1/supervisor/{supervisor_id}/plugins/search",
            "POST /plugin/v1/supervisor/list-plugins");

    /** Every route of plugin-service.md §1, both styles. */
    static final List<String> SPEC_ROUTES =
            concat(ENDPOINT_ROUTES, PUBLISH_ROUTES, SUPERVISOR_ADMIN_ROUTES, SUPERVISOR_READ_ROUTES);

    /** The routes served without a token. */
    static final List<String> PUBLIC_ROUTES = List.of("GET /plugin/v1/jwks.json");

    private static final List<RequestMethod> ANY_METHOD =
            List.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE);

    private ApplicationRoutes() {}

    /** The application's routes without the {@code @PublicRoute} ones, sorted by key. */
    static List<Route> of(ApplicationContext context) {
        return enumerate(context, false);
    }

    /** The application's {@code @PublicRoute} routes. */
    static List<Route> publicRoutes(ApplicationContext context) {
        return enumerate(context, true);
    }

    private static List<Route> enumerate(ApplicationContext context, boolean publicOnes) {
        Map<String, Route> routes = new TreeMap<>();
        for (RequestMappingInfoHandlerMapping mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            mapping.getHandlerMethods().forEach((info, method) -> {
                if (method.getBeanType().getPackageName().startsWith(APPLICATION_PACKAGE)
                        && isPublic(method) == publicOnes) {
                    for (Route route : routes(info, method)) {
                        routes.putIfAbsent(route.key(), route);
                    }
                }
            });
        }
        return List.copyOf(routes.values());
    }

    private static boolean isPublic(HandlerMethod method) {
        return method.hasMethodAnnotation(PublicRoute.class)
                || method.getBeanType().isAnnotationPresent(PublicRoute.class);
    }

    private static List<Route> routes(RequestMappingInfo info, HandlerMethod method) {
        Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
        RequiresPermission permission = method.getMethodAnnotation(RequiresPermission.class);
        if (permission == null) {
            permission = method.getBeanType().getAnnotation(RequiresPermission.class);
        }
        boolean domainScoped =
                Arrays.stream(method.getMethod().getParameterTypes()).anyMatch(Caller.class::equals);
        String handler =
                method.getBeanType().getSimpleName() + "." + method.getMethod().getName();
        List<Route> routes = new ArrayList<>();
        for (RequestMethod httpMethod : declared.isEmpty() ? ANY_METHOD : declared) {
            for (String pattern : info.getPatternValues()) {
                routes.add(new Route(
                        httpMethod.name(),
                        pattern,
                        permission == null ? null : permission.value(),
                        domainScoped,
                        handler));
            }
        }
        return routes;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return List.copyOf(all);
    }
}
