package io.pluginplatform.repository.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.testsupport.Api.Response;
import io.pluginplatform.common.testsupport.LocalRegistry;
import io.pluginplatform.common.testsupport.Tokens;
import io.pluginplatform.repository.testsupport.IntegrationTest;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Optimistic locking: concurrent updates of different fields never silently lose each other's change. */
class ConcurrentUpdateTest extends IntegrationTest {

    private static final int ROUNDS = 40;

    @Test
    void concurrentUpdatesOfDifferentFieldsKeepEachWritersLastSuccessfulValue() throws Exception {
        LocalRegistry.assumeAvailable();
        String image = LocalRegistry.uniqueRepository("locking/locked");
        LocalRegistry.pushImage(image, "1.0.0");
        String admin = Tokens.admin("domain-locking00001");
        Response registered = api.post("/repository/v1/plugins", admin, """
                {"name": "Locked", "service_type": "notification.Protocol", "image": "%s", "plugin_id": "plugin-locked",
                 "registry_type": "OCI", "registry_url": "127.0.0.1:5000"}
                """.formatted(image));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> names = pool.submit(writer(admin, i -> "{\"name\": \"name-" + i + "\"}", "name-"));
            Future<String> labels = pool.submit(writer(admin, i -> "{\"labels\": [\"label-" + i + "\"]}", "label-"));
            String lastName = names.get();
            String lastLabel = labels.get();

            Response finalState = api.get("/repository/v1/plugins/plugin-locked", admin);
            assertThat(finalState.json().path("name").asString()).isEqualTo(lastName);
            assertThat(finalState.json().path("labels").get(0).asString()).isEqualTo(lastLabel);
        } finally {
            pool.shutdownNow();
        }
    }

    private Callable<String> writer(String token, java.util.function.IntFunction<String> body, String prefix) {
        return () -> {
            String lastSuccessful = null;
            for (int i = 0; i < ROUNDS; i++) {
                Response response = api.put("/repository/v1/plugin/plugin-locked", token, body.apply(i));
                if (response.status() == 200) {
                    lastSuccessful = prefix + i;
                } else {
                    assertThat(response.status()).as(response.toString()).isEqualTo(409);
                    assertThat(response.code()).isEqualTo("ERROR_CONCURRENT_UPDATE");
                }
            }
            return lastSuccessful == null ? "Locked" : lastSuccessful;
        };
    }
}
