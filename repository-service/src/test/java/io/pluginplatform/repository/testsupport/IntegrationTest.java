package io.pluginplatform.repository.testsupport;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: repository-service on a random port over the shared database fixture —
 * {@code TEST_MONGODB_URI} when set (any real MongoDB, one fresh database per test class), else the embedded store in
 * memory. The managed catalogue's registry is the local test registry, so nothing reaches the internet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(IntegrationTest.class);

    @LocalServerPort
    protected int port;

    protected Api api;

    @DynamicPropertySource
    static void platformProperties(DynamicPropertyRegistry registry) {
        String uri = System.getenv("TEST_MONGODB_URI");
        if (uri != null && !uri.isBlank()) {
            log.info("Integration tests run against the MongoDB named by TEST_MONGODB_URI");
            registry.add("spring.mongodb.uri", () -> uri);
            registry.add("spring.mongodb.database", () -> "test-" + UUID.randomUUID());
        } else {
            log.info("Integration tests run against the embedded MongoDB-compatible store (in memory)");
            registry.add("platform.store.embedded.in-memory", () -> "true");
        }
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
