package io.pluginplatform.plugin.endpoint;

import io.pluginplatform.common.testsupport.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Base of the broker tests on the shared database fixture: plugin-service on a random port, one context for all. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrokerTest extends BrokerFixture {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.configure(registry);
        brokerProperties(registry);
    }
}
