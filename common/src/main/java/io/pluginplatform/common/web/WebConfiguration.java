package io.pluginplatform.common.web;

import io.pluginplatform.common.auth.CallerArgumentResolver;
import io.pluginplatform.common.auth.PermissionInterceptor;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.ObjectMapper;

/**
 * The web plumbing every service imports: request ids, the body size limit, problem details, the {@code Caller}
 * argument and the per-route permission check. {@code platform.web.application-package} names the package whose
 * controllers must declare a permission.
 */
@Configuration(proxyBeanMethods = false)
@Import({JsonConfiguration.class, ProblemAdvice.class})
public class WebConfiguration implements WebMvcConfigurer {

    private final String applicationPackage;

    public WebConfiguration(@Value("${platform.web.application-package}") String applicationPackage) {
        this.applicationPackage = applicationPackage;
    }

    @Bean
    ProblemWriter problemWriter(ObjectMapper json) {
        return new ProblemWriter(json);
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(
            @Value("${platform.web.max-body-bytes:1048576}") long maxBodyBytes, ProblemWriter problems) {
        FilterRegistrationBean<BodyLimitFilter> registration =
                new FilterRegistrationBean<>(new BodyLimitFilter(maxBodyBytes, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PermissionInterceptor(applicationPackage));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }
}
