package io.pluginplatform.repository.security;

import io.pluginplatform.common.auth.Caller;
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
 * The application's routes, read from its own handler mappings so that a new route is covered without editing a
 * list, and the lists of write routes of the role table.
 */
final class ApplicationRoutes {

    static final String APPLICATION_PACKAGE = "io.pluginplatform.repository";

    /** Plugin writes: the role table gives them to DOMAIN_ADMIN and SYSTEM only. */
    static final List<String> CATALOGUE_WRITES = List.of(
            "POST /repository/v1/plugins",
            "POST /repository/v1/plugin/register",
            "PUT /repository/v1/plugin/{plugin_id}",
            "POST /repository/v1/plugin/update",
            "DELETE /repository/v1/plugin/{plugin_id}",
            "POST /repository/v1/plugin/deregister",
            "PUT /repository/v1/plugin/{plugin_id}/enable",
            "POST /repository/v1/plugin/enable",
            "PUT /repository/v1/plugin/{plugin_id}/disable",
            "POST /repository/v1/plugin/disable");

    /** Remote repository writes: the role table gives them to SYSTEM only. */
    static final List<String> REPOSITORY_WRITES = List.of(
            "POST /repository/v1/repositories",
            "POST /repository/v1/repository/register",
            "PUT /repository/v1/repository/{repository_id}",
            "POST /repository/v1/repository/update",
            "DELETE /repository/v1/repository/{repository_id}",
            "POST /repository/v1/repository/deregister");

    private static final List<RequestMethod> ANY_METHOD =
            List.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE);

    private ApplicationRoutes() {}

    /**
     * The routes of the application's controllers, from every request-mapping handler mapping of the context (the
     * MVC one holds them; actuator and OpenAPI mappings are left out by package), sorted by key.
     */
    static List<Route> of(ApplicationContext context) {
        Map<String, Route> routes = new TreeMap<>();
        for (RequestMappingInfoHandlerMapping mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            mapping.getHandlerMethods().forEach((info, method) -> {
                if (method.getBeanType().getPackageName().startsWith(APPLICATION_PACKAGE)) {
                    for (Route route : routes(info, method)) {
                        routes.putIfAbsent(route.key(), route);
                    }
                }
            });
        }
        return List.copyOf(routes.values());
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
}
