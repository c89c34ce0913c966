package io.pluginplatform.plugin.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.pluginplatform.common.testsupport.Api;
import io.pluginplatform.common.testsupport.Tokens;
import io.pluginplatform.plugin.PluginServiceApplication;
import io.pluginplatform.plugin.endpoint.RepositoryPlugins.Plugin;
import io.pluginplatform.plugin.testsupport.RepositoryServiceProcess;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * R1 with two plugin-service instances on one database (quality-bars.md): the test's own context and a second
 * application in the same JVM, both on one MongoDB-compatible server of this class, with the callers split between
 * them. The agent talks to the first instance only, so the second one's waiters learn of the installation by polling.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ConcurrentFirstCallsOnTwoInstancesTest extends BrokerFixture {

    private static final String DATABASE = "plugin-r1";

    private static MongoServer database;
    private static ConfigurableApplicationContext secondInstance;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", ConcurrentFirstCallsOnTwoInstancesTest::databaseUri);
        registry.add("spring.mongodb.database", () -> DATABASE);
        brokerProperties(registry);
    }

    @BeforeAll
    static void startSecondInstance() {
        secondInstance = new SpringApplicationBuilder(PluginServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.mongodb.uri=" + databaseUri(),
                        "--spring.mongodb.database=" + DATABASE,
                        "--spring.jmx.enabled=false",
                        "--platform.security.jwt-secret=" + Tokens.SECRET,
                        "--platform.repository.url=" + RepositoryServiceProcess.url(),
                        "--platform.endpoint.poll-interval=200ms",
                        "--platform.endpoint.default-timeout=15s",
                        "--platform.supervisor.disconnect-after=3s");
    }

    @AfterAll
    static void stopSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    private static synchronized String databaseUri() {
        if (database == null) {
            database = new MongoServer(new MemoryBackend());
            database.bind("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(database::shutdownNow, "stop-r1-database"));
        }
        return "mongodb://127.0.0.1:" + database.getLocalAddress().getPort() + "/" + DATABASE;
    }

    @Test
    void concurrentFirstCallsOnTwoInstancesShareOneInstallation() throws Exception {
        Api second = new Api(Integer.parseInt(secondInstance.getEnvironment().getProperty("local.server.port")));
        SimulatedAgent one = agent();
        SimulatedAgent other = agent();
        Plugin plugin = plugins.register();

        List<Api.Response> answers;
        try (ConcurrentCallers callers = ConcurrentCallers.start(
                200,
                caller ->
                        endpoint(caller % 2 == 0 ? api : second, plugin, "version", "1.0.0", "timeout_seconds", 30))) {
            answers = callers.answers();
        }

        assertThat(answers)
                .allSatisfy(answer ->
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
        assertThat(answers.stream().map(answer -> answer.json().path("endpoint").asString()))
                .hasSize(200)
                .containsOnly(answers.get(0).json().path("endpoint").asString());
        assertThat(installations(plugin)).isEqualTo(1);
        assertThat(one.runningCount() + other.runningCount()).isEqualTo(1);
    }
}
