package io.pluginplatform.repository.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import io.pluginplatform.repository.registry.ScriptedRegistry.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Timeouts, retries and {@code Retry-After}, seen through the OCI connector. */
class RegistryHttpTest {

    private static final String TAGS = "/v2/team/app/tags/list";

    private final ScriptedRegistry registry = new ScriptedRegistry();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final CountDownLatch releaseSlowHandlers = new CountDownLatch(1);

    @AfterEach
    void stopRegistry() {
        releaseSlowHandlers.countDown();
        registry.close();
    }

    @Test
    void waitsAsLongAsRetryAfterSaysThenReads() {
        registry.onSequence(TAGS, Reply.status(429).withHeader("Retry-After", "1"), Reply.tags("team/app", "1.0.0"));

        assertThat(connector(TestProperties.defaults()).tags("team/app", registry.address(), null))
                .containsExactly("1.0.0");
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
        assertThat(registry.count(TAGS)).isEqualTo(2);
    }

    @Test
    void givesUpWhenRetryAfterIsLongerThanTheBound() {
        registry.onSequence(TAGS, Reply.status(429).withHeader("Retry-After", "3600"), Reply.tags("team/app", "1.0.0"));

        assertUnavailable(() -> connector(TestProperties.defaults()).tags("team/app", registry.address(), null));
        assertThat(registry.count(TAGS)).isEqualTo(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void retriesServerErrorsWithADoublingBackoff() {
        registry.onSequence(TAGS, Reply.status(503), Reply.status(500), Reply.tags("team/app", "1.0.0"));

        assertThat(connector(TestProperties.defaults()).tags("team/app", registry.address(), null))
                .containsExactly("1.0.0");
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void isUnavailableAfterTwoRetries() {
        registry.onSequence(TAGS, Reply.status(502));

        assertUnavailable(() -> connector(TestProperties.defaults()).tags("team/app", registry.address(), null));
        assertThat(registry.count(TAGS)).isEqualTo(3);
    }

    @Test
    void isUnavailableWhenTheRegistryAnswersSlowerThanTheReadTimeout() {
        registry.on(TAGS, request -> {
            releaseSlowHandlers.await();
            return Reply.tags("team/app", "1.0.0");
        });

        assertUnavailable(() -> connector(TestProperties.withReadTimeout(Duration.ofMillis(300)))
                .tags("team/app", registry.address(), null));
        assertThat(registry.count(TAGS)).isEqualTo(3);
    }

    @Test
    void isUnavailableWhenNothingListens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThatExceptionOfType(PlatformException.class)
                .isThrownBy(
                        () -> connector(TestProperties.defaults()).tags("team/app", "127.0.0.1:" + closedPort, null))
                .satisfies(ex -> {
                    assertThat(ex.code()).isEqualTo(ErrorCode.ERROR_REGISTRY_UNAVAILABLE);
                    assertThat(ex.arguments()).containsEntry("registry_url", "127.0.0.1:" + closedPort);
                });
        assertThat(sleeper.waits()).hasSize(2);
    }

    @Test
    void isUnavailableWhenTheRegistryAnswersAnUnexpectedStatus() {
        registry.onSequence(TAGS, Reply.status(400));

        assertUnavailable(() -> connector(TestProperties.defaults()).tags("team/app", registry.address(), null));
    }

    private OciConnector connector(RegistryProperties properties) {
        return new OciConnector(new RegistryHttp(properties, sleeper));
    }

    private void assertUnavailable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatExceptionOfType(PlatformException.class).isThrownBy(call).satisfies(ex -> {
            assertThat(ex.code()).isEqualTo(ErrorCode.ERROR_REGISTRY_UNAVAILABLE);
            assertThat(ex.arguments()).containsEntry("registry_url", registry.address());
        });
    }
}
