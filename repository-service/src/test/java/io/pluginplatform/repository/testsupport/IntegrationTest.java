package io.pluginplatform.repository.testsupport;

import io.pluginplatform.common.testsupport.Api;
import io.pluginplatform.common.testsupport.TestDatabase;
import io.pluginplatform.common.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: repository-service on a random port over the shared database fixture
 * ({@link TestDatabase}). The managed catalogue's registry is the local test registry, so nothing reaches the internet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    protected Api api;

    @DynamicPropertySource
    static void platformProperties(DynamicPropertyRegistry registry) {
        TestDatabase.configure(registry);
        registry.add("platform.security.jwt-secret", () -> Tokens.SECRET);
        registry.add("platform.registry.mirror.[registry.hub.docker.com]", () -> "127.0.0.1:5000");
        registry.add("platform.managed.registry-type", () -> "OCI");
        registry.add("platform.managed.registry-url", () -> "127.0.0.1:5000");
    }

    @BeforeEach
    void createClient() {
        api = new Api(port);
    }
}
