package io.pluginplatform.common.auth;

import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import io.pluginplatform.common.web.ProblemWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Bearer-token authentication for every service: Spring Security's OAuth2 resource server verifies the JWT (HS256
 * secret or JWK set), everything but health, metrics, API docs and the JWK set needs a token, and failures answer as
 * problem details. Role checks per route are done by {@link PermissionInterceptor}, registered here with the
 * {@link Caller} argument of controller methods; {@code platform.web.application-package} names the package whose
 * controllers must declare a permission.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    /** Routes served without a token. */
    public static final String[] PUBLIC_ROUTES = {
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/prometheus",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/swagger-ui/**",
        "/swagger-ui.html",
        "/plugin/v1/jwks.json",
        "/error"
    };

    static final int MIN_SECRET_BYTES = 32;

    @Bean
    SecurityFilterChain platformSecurity(HttpSecurity http, JwtDecoder decoder, ProblemWriter problems)
            throws Exception {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(Claims.ROLE);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);

        http.csrf(csrf -> csrf.disable())
                .cors(cors -> {})
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(HttpMethod.GET, PUBLIC_ROUTES)
                        .permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(server -> server.jwt(
                                jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint((request, response, e) -> problems.write(
                                request,
                                response,
                                PlatformException.of(
                                        ErrorCode.ERROR_AUTHENTICATE_FAILURE,
                                        "message",
                                        "a valid bearer token is required")))
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(request, response, PlatformException.forbidden("access denied"))))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(
                                (request, response, e) -> problems.write(
                                        request,
                                        response,
                                        PlatformException.of(
                                                ErrorCode.ERROR_AUTHENTICATE_FAILURE,
                                                "message",
                                                "a bearer token is required")))
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(request, response, PlatformException.forbidden("access denied"))));
        return http.build();
    }

    @Bean
    WebMvcConfigurer platformPermissions(@Value("${platform.web.application-package}") String applicationPackage) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new PermissionInterceptor(applicationPackage));
            }

            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    @Bean
    JwtDecoder platformJwtDecoder(SecurityProperties properties) {
        NimbusJwtDecoder decoder;
        if (properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        } else {
            decoder = NimbusJwtDecoder.withSecretKey(hmacKey(properties.jwtSecret()))
                    .macAlgorithm(MacAlgorithm.HS256)
                    .build();
        }
        OAuth2TokenValidator<Jwt> timestamps = new JwtTimestampValidator(Duration.ofSeconds(30));
        OAuth2TokenValidator<Jwt> validator =
                properties.issuer() == null || properties.issuer().isBlank()
                        ? new DelegatingOAuth2TokenValidator<>(timestamps, new PlatformTokenValidator())
                        : new DelegatingOAuth2TokenValidator<>(
                                timestamps, new JwtIssuerValidator(properties.issuer()), new PlatformTokenValidator());
        decoder.setJwtValidator(validator);
        return decoder;
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(SecurityProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!properties.corsAllowedOrigins().isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOriginPatterns(properties.corsAllowedOrigins());
            cors.addAllowedMethod("*");
            cors.addAllowedHeader("*");
            cors.addExposedHeader("X-Request-Id");
            cors.addExposedHeader("Warning");
            cors.addExposedHeader("Retry-After");
            cors.setMaxAge(Duration.ofHours(1));
            source.registerCorsConfiguration("/**", cors);
        }
        return source;
    }

    static SecretKey hmacKey(String secret) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException(
                    "platform.security.jwt-secret (PLATFORM_JWT_SECRET) must be set to at least " + MIN_SECRET_BYTES
                            + " bytes, or platform.security.jwk-set-uri to an issuer's JWK set");
        }
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }
}
