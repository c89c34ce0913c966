package io.pluginplatform.common.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import tools.jackson.databind.ObjectMapper;

/**
 * The web plumbing every service imports: request ids, the body size limit, JSON and problem details (also on the error
 * path and for requests Tomcat refuses before any servlet runs). Who may call which route is
 * {@link io.pluginplatform.common.auth.SecurityConfiguration}'s business.
 */
@Configuration(proxyBeanMethods = false)
@Import({JsonConfiguration.class, ProblemAdvice.class, ProblemErrorController.class, TomcatProblemConfiguration.class})
public class WebConfiguration {

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
}
