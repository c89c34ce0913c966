package io.pluginplatform.common.testsupport;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The one database fixture of the integration tests, chosen once per test run, in this order: {@code TEST_MONGODB_URI}
 * when set (any real MongoDB); a Testcontainers {@code mongo:8} container when the local Docker daemon already holds
 * that image (it is never pulled: these machines reach no registry but their own); else the embedded store in memory.
 * Each test class gets a fresh database on a real MongoDB. The log says which one ran.
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static final String IMAGE = "mongo:8";

    private static String uri;
    private static boolean chosen;

    private TestDatabase() {}

    /** Points the application under test at the chosen database. */
    public static synchronized void configure(DynamicPropertyRegistry registry) {
        if (!chosen) {
            uri = choose();
            chosen = true;
        }
        if (uri == null) {
            registry.add("platform.store.embedded.in-memory", () -> "true");
        } else {
            String database = "test-" + UUID.randomUUID();
            registry.add("spring.mongodb.uri", () -> uri);
            registry.add("spring.mongodb.database", () -> database);
        }
    }

    private static String choose() {
        String configured = System.getenv("TEST_MONGODB_URI");
        if (configured != null && !configured.isBlank()) {
            log.info("Integration tests run against the MongoDB named by TEST_MONGODB_URI");
            return configured;
        }
        if (dockerHoldsImage()) {
            MongoDBContainer container = new MongoDBContainer(IMAGE);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-test-mongodb"));
            log.info("Integration tests run against a Testcontainers {} container", IMAGE);
            return container.getConnectionString();
        }
        log.info(
                "Integration tests run against the embedded MongoDB-compatible store (in memory): no TEST_MONGODB_URI, "
                        + "and no local Docker image {}",
                IMAGE);
        return null;
    }

    /** Asks the Docker CLI, so that nothing is pulled or started when the image is not already there. */
    private static boolean dockerHoldsImage() {
        try {
            Process inspect = new ProcessBuilder("docker", "image", "inspect", "--format", "{{.Id}}", IMAGE)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!inspect.waitFor(10, TimeUnit.SECONDS)) {
                inspect.destroyForcibly();
                return false;
            }
            return inspect.exitValue() == 0;
        } catch (IOException e) {
            return false; // no Docker CLI
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
