package io.pluginplatform.plugin.testsupport;

import io.pluginplatform.common.testsupport.Api;
import io.pluginplatform.common.testsupport.TestDatabase;
import io.pluginplatform.common.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: plugin-service on a random port over the shared database fixture
 * ({@link TestDatabase}), verifying the tokens that {@link Tokens} mints.
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
    }

    @BeforeEach
    void createClient() {
        api = new Api(port);
    }
}
