package io.pluginplatform.plugin.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description: both route styles (they are plain routes), bearer authentication. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI pluginServiceApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("plugin-service")
                        .version("v1")
                        .description(
                                "Supervisors and the plugin endpoint broker. Every method is served in two route styles: resource "
                                        + "style (REST verbs, path parameters) and verb style (POST /plugin/v1/"
                                        + "<resource>/<verb> with a JSON body)."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
