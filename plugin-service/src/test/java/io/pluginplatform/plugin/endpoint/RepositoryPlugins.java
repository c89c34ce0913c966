package io.pluginplatform.plugin.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.testsupport.Api;
import io.pluginplatform.common.testsupport.LocalRegistry;
import io.pluginplatform.common.testsupport.Tokens;
import io.pluginplatform.plugin.testsupport.RepositoryServiceProcess;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Plugins of one domain in the real repository-service: each backed by its own image in the local registry, pushed
 * with the tags {@code 1.0.0}, {@code 1.1.0}, {@code 1.2.0-rc.1} and {@code stable} (so its latest version is 1.1.0).
 */
final class RepositoryPlugins {

    static final String[] TAGS = {"1.0.0", "1.1.0", "1.2.0-rc.1", "stable"};
    static final String LATEST = "1.1.0";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Api repository = RepositoryServiceProcess.api();
    private final String admin;

    RepositoryPlugins(String domain) {
        this.admin = Tokens.admin(domain);
    }

    /** A plugin registered in the domain; what its agent pulls, with the id. */
    record Plugin(String id, String repository) {

        String image(String version) {
            return LocalRegistry.address() + "/" + repository + ":" + version;
        }
    }

    Plugin register() {
        String image = LocalRegistry.uniqueRepository("brk");
        LocalRegistry.pushImage(image, TAGS);
        byte[] suffix = new byte[5];
        RANDOM.nextBytes(suffix);
        String id = "brk-" + HexFormat.of().formatHex(suffix);
        String body = """
                {"name": "Hello", "plugin_id": "%s", "service_type": "notification.Protocol", "image": "%s",
                 "registry_type": "OCI", "registry_url": "%s", "capability": {"port": 50051, "protocol": "http"}}
                """.formatted(id, image, LocalRegistry.address());
        Api.Response response = repository.post("/repository/v1/plugins", admin, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return new Plugin(id, image);
    }

    void disable(Plugin plugin) {
        Api.Response response = repository.put("/repository/v1/plugin/" + plugin.id() + "/disable", admin, "{}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
