package io.pluginplatform.common.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;

class PermissionInterceptorTest {

    // the test's own controllers below stand for the application's
    private final PermissionInterceptor interceptor = new PermissionInterceptor("io.pluginplatform.common.auth");

    @AfterEach
    void clearSecurityContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aRouteMarkedPublicIsServedWithoutAToken() throws Exception {
        assertThat(preHandle(new MixedController(), "publicRoute")).isTrue();
    }

    @Test
    void everyRouteOfAControllerMarkedPublicIsServedWithoutAToken() throws Exception {
        assertThat(preHandle(new PublicController(), "route")).isTrue();
    }

    @Test
    void aRouteThatDeclaresNoPermissionIsStillRefused() {
        assertThatThrownBy(() -> preHandle(new MixedController(), "undeclaredRoute"))
                .isInstanceOfSatisfying(
                        PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.ERROR_PERMISSION_DENIED));
    }

    @Test
    void aRouteThatRequiresAPermissionStillNeedsAToken() {
        assertThatThrownBy(() -> preHandle(new MixedController(), "protectedRoute"))
                .isInstanceOfSatisfying(
                        PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.ERROR_AUTHENTICATE_FAILURE));
    }

    private boolean preHandle(Object controller, String methodName) throws NoSuchMethodException {
        HandlerMethod handler =
                new HandlerMethod(controller, controller.getClass().getDeclaredMethod(methodName));
        return interceptor.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), handler);
    }

    static class MixedController {

        @PublicRoute
        void publicRoute() {}

        @RequiresPermission(Permission.SUPERVISOR_READ)
        void protectedRoute() {}

        void undeclaredRoute() {}
    }

    @PublicRoute
    static class PublicController {

        void route() {}
    }
}
