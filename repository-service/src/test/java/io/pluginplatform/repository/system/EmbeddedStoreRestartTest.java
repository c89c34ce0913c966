package io.pluginplatform.repository.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.testsupport.Api;
import io.pluginplatform.common.testsupport.Api.Response;
import io.pluginplatform.common.testsupport.Tokens;
import io.pluginplatform.repository.RepositoryServiceApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The default, file-backed embedded store keeps every acknowledged record across a clean restart. */
class EmbeddedStoreRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void recordsSurviveACleanRestartOfTheService() {
        String repositoryId;
        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            Response registered = api.post(
                    "/repository/v1/repositories",
                    Tokens.system(),
                    "{\"name\": \"Persistent\", \"endpoint\": \"http://127.0.0.1:9\", \"token\": \"t0ken-value\"}");
            assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
            repositoryId = registered.json().path("repository_id").asString();
        }
        assertThat(Files.exists(dataDir.resolve("repository-service").resolve("store.mv")))
                .isTrue();

        try (ConfigurableApplicationContext second = start()) {
            Response found = api(second).get("/repository/v1/repository/" + repositoryId, Tokens.system());
            assertThat(found.status()).as(found.toString()).isEqualTo(200);
            assertThat(found.json().path("name").asString()).isEqualTo("Persistent");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(RepositoryServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--platform.data-dir=" + dataDir,
                        "--platform.security.jwt-secret=" + Tokens.SECRET,
                        "--platform.managed.location=classpath:no-managed-plugins/*.yaml",
                        "--spring.jmx.enabled=false");
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
