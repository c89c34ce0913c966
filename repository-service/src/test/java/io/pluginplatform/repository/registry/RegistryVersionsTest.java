package io.pluginplatform.repository.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.benmanes.caffeine.cache.Ticker;
import io.pluginplatform.common.api.repository.RegistryType;
import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import io.pluginplatform.repository.registry.ScriptedRegistry.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RegistryVersionsTest {

    private static final String TAGS = "/v2/team/app/tags/list";
    private static final String IMAGE = "team/app";

    private final ScriptedRegistry registry = new ScriptedRegistry();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Ticker ticker = nanos::get;
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void cleanUp() {
        release.countDown();
        callers.shutdownNow();
        registry.close();
    }

    @Test
    void listsEveryTagNewestFirstWhateverTheRegistrysOrder() {
        registry.on(
                TAGS,
                request -> Reply.tags(
                        IMAGE,
                        "1.2.1.20220411.113807",
                        "latest",
                        "1.2.1",
                        "1.2.2",
                        "1.2.1.20220429.104002",
                        "1.2.1.20220422.161421"));

        assertThat(versions(TestProperties.defaults()).versions(RegistryType.OCI, registry.address(), IMAGE, null))
                .containsExactly(
                        "1.2.2",
                        "1.2.1.20220429.104002",
                        "1.2.1.20220422.161421",
                        "1.2.1.20220411.113807",
                        "1.2.1",
                        "latest");
    }

    @Test
    void answersARepeatedQuestionFromTheCache() {
        registry.on(TAGS, request -> Reply.tags(IMAGE, "1.0.0"));
        RegistryVersions versions = versions(TestProperties.defaults());

        versions.versions(RegistryType.OCI, registry.address(), IMAGE, null);
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());

        assertThat(versions.versions(RegistryType.OCI, registry.address(), IMAGE, null))
                .containsExactly("1.0.0");
        assertThat(registry.count(TAGS)).isEqualTo(1);
    }

    @Test
    void asksTheRegistryAgainOnceTheCacheTtlHasPassed() {
        registry.onSequence(TAGS, Reply.tags(IMAGE, "1.0.0"), Reply.tags(IMAGE, "1.0.0", "1.1.0"));
        RegistryVersions versions = versions(TestProperties.defaults());

        versions.versions(RegistryType.OCI, registry.address(), IMAGE, null);
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());

        assertThat(versions.versions(RegistryType.OCI, registry.address(), IMAGE, null))
                .containsExactly("1.1.0", "1.0.0");
        assertThat(registry.count(TAGS)).isEqualTo(2);
    }

    @Test
    void concurrentMissesShareOneRegistryCall() throws Exception {
        registry.on(TAGS, request -> {
            release.await();
            return Reply.tags(IMAGE, "1.0.0");
        });
        RegistryVersions versions = versions(TestProperties.defaults());
        int callerCount = 8;
        List<Thread> threads = new CopyOnWriteArrayList<>();
        List<Future<List<String>>> answers = new ArrayList<>();
        for (int i = 0; i < callerCount; i++) {
            answers.add(callers.submit(() -> {
                threads.add(Thread.currentThread());
                return versions.versions(RegistryType.OCI, registry.address(), IMAGE, null);
            }));
        }

        // every caller is parked: one waits for the registry, the others for its answer
        await().atMost(Duration.ofSeconds(5))
                .until(() -> threads.size() == callerCount
                        && threads.stream()
                                .allMatch(thread -> thread.getState() == Thread.State.WAITING
                                        || thread.getState() == Thread.State.TIMED_WAITING));
        assertThat(registry.count(TAGS)).isEqualTo(1);
        release.countDown();

        for (Future<List<String>> answer : answers) {
            assertThat(answer.get()).containsExactly("1.0.0");
        }
        assertThat(registry.count(TAGS)).isEqualTo(1);
    }

    @Test
    void servesTheLastAnswerWhenTheRegistryFailsAfterTheCacheTtl() {
        registry.on(TAGS, request -> Reply.tags(IMAGE, "1.0.0"));
        RegistryVersions versions = versions(TestProperties.defaults());
        versions.versions(RegistryType.OCI, registry.address(), IMAGE, null);

        registry.on(TAGS, request -> Reply.status(503));
        nanos.addAndGet(Duration.ofMinutes(9).toNanos());

        assertThat(versions.versions(RegistryType.OCI, registry.address(), IMAGE, null))
                .containsExactly("1.0.0");
        assertThat(registry.count(TAGS)).isEqualTo(1 + 3);
    }

    @Test
    void isUnavailableWhenTheLastAnswerIsOlderThanTheStaleTtl() {
        registry.on(TAGS, request -> Reply.tags(IMAGE, "1.0.0"));
        RegistryVersions versions = versions(TestProperties.defaults());
        versions.versions(RegistryType.OCI, registry.address(), IMAGE, null);

        registry.on(TAGS, request -> Reply.status(503));
        nanos.addAndGet(Duration.ofMinutes(11).toNanos());

        assertThatExceptionOfType(PlatformException.class)
                .isThrownBy(() -> versions.versions(RegistryType.OCI, registry.address(), IMAGE, null))
                .extracting(PlatformException::code)
                .isEqualTo(ErrorCode.ERROR_REGISTRY_UNAVAILABLE);
    }

    @Test
    void doesNotRememberThatAnImageHadNoTags() {
        registry.onSequence(TAGS, Reply.status(404), Reply.tags(IMAGE, "1.0.0"));
        RegistryVersions versions = versions(TestProperties.defaults());

        assertThat(versions.versions(RegistryType.OCI, registry.address(), IMAGE, null))
                .isEmpty();
        assertThat(versions.versions(RegistryType.OCI, registry.address(), IMAGE, null))
                .containsExactly("1.0.0");
    }

    @Test
    void cachesAnswersPerCredentials() {
        registry.on(TAGS, request -> Reply.tags(IMAGE, "1.0.0"));
        RegistryVersions versions = versions(TestProperties.defaults());
        RegistryCredentials alice = new RegistryCredentials(null, null, "alice-token", false);
        RegistryCredentials bob = new RegistryCredentials(null, null, "bob-token", false);

        versions.versions(RegistryType.OCI, registry.address(), IMAGE, alice);
        versions.versions(RegistryType.OCI, registry.address(), IMAGE, bob);
        versions.versions(RegistryType.OCI, registry.address(), IMAGE, alice);

        assertThat(registry.count(TAGS)).isEqualTo(2);
    }

    @Test
    void readsAMirroredDockerHubThroughTheOciApiWithTheLibraryPrefix() {
        registry.on("/v2/library/nginx/tags/list", request -> Reply.tags("library/nginx", "1.25.0", "1.26.0"));
        RegistryVersions versions = versions(TestProperties.withMirror("registry.hub.docker.com", registry.address()));

        assertThat(versions.versions(
                        RegistryType.DOCKER_HUB, null, "nginx", new RegistryCredentials("alice", "pw", null, false)))
                .containsExactly("1.26.0", "1.25.0");
        assertThat(registry.requests("/v2/library/nginx/tags/list"))
                .extracting(request -> request.header("Authorization"))
                .containsOnlyNulls();
    }

    @Test
    void requiresARegistryUrlForATypeWithoutDefaultHost() {
        RegistryVersions versions = versions(TestProperties.defaults());

        assertThatExceptionOfType(PlatformException.class)
                .isThrownBy(() -> versions.versions(RegistryType.OCI, null, IMAGE, null))
                .satisfies(ex -> {
                    assertThat(ex.code()).isEqualTo(ErrorCode.ERROR_REQUIRED_PARAMETER);
                    assertThat(ex.arguments()).containsEntry("key", "registry_url");
                });
    }

    @Test
    void rejectsAnImageWithATag() {
        RegistryVersions versions = versions(TestProperties.defaults());

        assertThatExceptionOfType(PlatformException.class)
                .isThrownBy(() -> versions.versions(RegistryType.OCI, registry.address(), "team/app:1.0", null))
                .extracting(PlatformException::code)
                .isEqualTo(ErrorCode.ERROR_INVALID_IMAGE_FORMAT);
    }

    @Test
    void neverLogsCredentialsOrTokens() {
        Logger logger = (Logger) LoggerFactory.getLogger(RegistryVersions.class.getPackageName());
        Level previous = logger.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        try {
            registry.on(
                    TAGS,
                    request -> "Bearer issued-secret-token".equals(request.header("Authorization"))
                            ? Reply.tags(IMAGE, "1.0.0")
                            : Reply.status(401)
                                    .withHeader(
                                            "WWW-Authenticate",
                                            "Bearer realm=\"" + registry.baseUrl() + "/token\",service=\"test\""));
            registry.on("/token", request -> Reply.json("{\"token\":\"issued-secret-token\"}"));
            RegistryVersions versions = versions(TestProperties.defaults());
            RegistryCredentials credentials = new RegistryCredentials("alice", "password-secret", null, false);

            versions.versions(RegistryType.OCI, registry.address(), IMAGE, credentials);
            registry.on(TAGS, request -> Reply.status(500));
            nanos.addAndGet(Duration.ofMinutes(2).toNanos());
            versions.versions(RegistryType.OCI, registry.address(), IMAGE, credentials);
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(previous);
        }

        assertThat(appender.list).isNotEmpty();
        assertThat(appender.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(message -> message.contains("password-secret")
                        || message.contains("issued-secret-token")
                        || message.contains("alice"));
    }

    private RegistryVersions versions(RegistryProperties properties) {
        RegistryHttp http = new RegistryHttp(properties, new RecordingSleeper());
        return new RegistryVersions(new DockerHubConnector(http), new OciConnector(http), properties, ticker);
    }
}
