package io.pluginplatform.plugin.catalogue;

import static io.pluginplatform.plugin.catalogue.ScriptedRepository.GET;
import static io.pluginplatform.plugin.catalogue.ScriptedRepository.GET_VERSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.pluginplatform.common.api.repository.PluginInfo;
import io.pluginplatform.common.api.repository.PluginState;
import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import io.pluginplatform.plugin.catalogue.ScriptedRepository.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

class CatalogueTest {

    private static final String DOMAIN_A = "domain-aaaaaaaaaaaa";
    private static final String DOMAIN_B = "domain-bbbbbbbbbbbb";
    private static final String PLUGIN = "plugin-jira-noti-protocol";
    private static final String SERVICE_TOKEN = "the-service-token";

    private final ScriptedRepository repository = new ScriptedRepository();
    private final TestTicker ticker = new TestTicker();
    // released when the test ends, so that a deliberately slow answer does not outlive it
    private final CountDownLatch endOfTest = new CountDownLatch(1);

    @AfterEach
    void stopRepository() {
        endOfTest.countDown();
        repository.close();
    }

    @Test
    void pluginIsAskedForWithTheServiceTokenOnBehalfOfTheDomain() {
        repository.on(GET, request -> Reply.plugin(PLUGIN));

        PluginInfo plugin = catalogue().plugin(DOMAIN_A, PLUGIN);

        assertThat(plugin.pluginId()).isEqualTo(PLUGIN);
        assertThat(plugin.state()).isEqualTo(PluginState.ENABLED);
        assertThat(plugin.capability()).containsEntry("port", 50051);
        ScriptedRepository.Request request = repository.requests(GET).get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.authorization()).isEqualTo("Bearer " + SERVICE_TOKEN);
        assertThat(request.contentType()).startsWith("application/json");
        assertThat(json(request.body())).isEqualTo(Map.of("plugin_id", PLUGIN, "domain_id", DOMAIN_A));
    }

    @Test
    void aMintedServiceTokenIsSentWhenNoneIsConfigured() {
        repository.on(GET, request -> Reply.plugin(PLUGIN));
        ServiceToken minted = ServiceToken.of(null, ServiceTokenTest.SECRET, null, Clock.systemUTC());

        catalogue(properties(null, Duration.ofSeconds(5)), minted).plugin(DOMAIN_A, PLUGIN);

        assertThat(repository.requests(GET).get(0).authorization()).isEqualTo("Bearer " + minted.value());
    }

    @Test
    void aPluginRepositoryServiceDoesNotFindIsNotFound() {
        repository.on(GET, request -> Reply.problem(404, "Resource cannot be found"));

        PlatformException failure = failure(() -> catalogue().plugin(DOMAIN_A, PLUGIN), ErrorCode.ERROR_NOT_FOUND);

        assertThat(failure.arguments()).containsEntry("key", "plugin_id").containsEntry("value", PLUGIN);
    }

    @Test
    void aRepositoryServiceAnswering503IsUnavailableNotNotFound() {
        repository.on(GET, request -> Reply.problem(503, "remote repository-x is down"));

        PlatformException failure =
                failure(() -> catalogue().plugin(DOMAIN_A, PLUGIN), ErrorCode.ERROR_REPOSITORY_UNAVAILABLE);

        assertThat(failure.getMessage()).doesNotContain("repository-x");
    }

    @Test
    void aRepositoryServiceFailingWith500IsUnavailable() {
        repository.on(GET_VERSIONS, request -> Reply.problem(500, "boom"));

        failure(() -> catalogue().versions(DOMAIN_A, PLUGIN), ErrorCode.ERROR_REPOSITORY_UNAVAILABLE);
    }

    @Test
    void aRepositoryServiceRefusingTheServiceTokenIsUnavailableToTheCaller() {
        repository.on(GET, request -> Reply.problem(401, "Authenticate failure"));

        failure(() -> catalogue().plugin(DOMAIN_A, PLUGIN), ErrorCode.ERROR_REPOSITORY_UNAVAILABLE);
    }

    @Test
    void aRepositoryServiceThatRefusesConnectionsIsUnavailable() throws IOException {
        String closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = "http://127.0.0.1:" + socket.getLocalPort();
        }
        RepositoryProperties properties = new RepositoryProperties(
                closedPort, SERVICE_TOKEN, Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(5));

        failure(() -> catalogue(properties).plugin(DOMAIN_A, PLUGIN), ErrorCode.ERROR_REPOSITORY_UNAVAILABLE);
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutIsUnavailable() {
        repository.on(GET, request -> {
            endOfTest.await(30, TimeUnit.SECONDS);
            return Reply.plugin(PLUGIN);
        });

        failure(
                () -> catalogue(properties(SERVICE_TOKEN, Duration.ofMillis(200)))
                        .plugin(DOMAIN_A, PLUGIN),
                ErrorCode.ERROR_REPOSITORY_UNAVAILABLE);
    }

    @Test
    void aRequestRepositoryServiceRejectsIsInvalidWithoutItsBody() {
        repository.on(GET, request -> Reply.problem(400, "upstream detail mongodb://user:pw@db"));

        PlatformException failure =
                failure(() -> catalogue().plugin(DOMAIN_A, PLUGIN), ErrorCode.ERROR_INVALID_PARAMETER);

        assertThat(failure.getMessage()).doesNotContain("upstream detail", "mongodb", "pw");
        assertThat(failure.violations().toString()).doesNotContain("upstream detail");
    }

    @Test
    void aPluginIsServedFromTheCacheUntilTheTtlHasPassed() {
        repository.on(GET, request -> Reply.plugin(PLUGIN));
        Catalogue catalogue = catalogue();

        catalogue.plugin(DOMAIN_A, PLUGIN);
        ticker.advance(Duration.ofSeconds(29));
        catalogue.plugin(DOMAIN_A, PLUGIN);
        assertThat(repository.count(GET)).isEqualTo(1);

        ticker.advance(Duration.ofSeconds(2));
        catalogue.plugin(DOMAIN_A, PLUGIN);
        assertThat(repository.count(GET)).isEqualTo(2);
    }

    @Test
    void versionsAndTheLatestVersionShareOneCachedAnswer() {
        repository.on(GET_VERSIONS, request -> Reply.versions("1.2.2", "1.2.1"));
        Catalogue catalogue = catalogue();

        catalogue.versions(DOMAIN_A, PLUGIN);
        catalogue.latest(DOMAIN_A, PLUGIN);
        assertThat(repository.count(GET_VERSIONS)).isEqualTo(1);

        ticker.advance(Duration.ofSeconds(31));
        catalogue.latest(DOMAIN_A, PLUGIN);
        assertThat(repository.count(GET_VERSIONS)).isEqualTo(2);
    }

    @Test
    void eachDomainHasItsOwnCacheEntry() {
        repository.on(GET, request -> Reply.plugin(PLUGIN));
        Catalogue catalogue = catalogue();

        catalogue.plugin(DOMAIN_A, PLUGIN);
        catalogue.plugin(DOMAIN_B, PLUGIN);

        assertThat(repository.requests(GET))
                .extracting(request -> json(request.body()).get("domain_id"))
                .containsExactly(DOMAIN_A, DOMAIN_B);
    }

    @Test
    void aFailureIsNotCached() {
        repository.onSequence(GET, Reply.problem(503, "down"), Reply.plugin(PLUGIN));
        Catalogue catalogue = catalogue();

        failure(() -> catalogue.plugin(DOMAIN_A, PLUGIN), ErrorCode.ERROR_REPOSITORY_UNAVAILABLE);

        assertThat(catalogue.plugin(DOMAIN_A, PLUGIN).pluginId()).isEqualTo(PLUGIN);
        assertThat(repository.count(GET)).isEqualTo(2);
    }

    @Test
    void concurrentMissesForOnePluginShareOneCall() throws InterruptedException {
        CountDownLatch answer = new CountDownLatch(1);
        repository.on(GET, request -> {
            answer.await(30, TimeUnit.SECONDS);
            return Reply.plugin(PLUGIN);
        });
        Catalogue catalogue = catalogue();
        ConcurrentLinkedQueue<Object> results = new ConcurrentLinkedQueue<>();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread caller = new Thread(() -> {
                try {
                    results.add(catalogue.plugin(DOMAIN_A, PLUGIN));
                } catch (RuntimeException e) {
                    results.add(e);
                }
            });
            callers.add(caller);
            caller.start();
        }

        // every caller is waiting while repository-service holds its answer back
        await().atMost(Duration.ofSeconds(10))
                .until(() -> repository.count(GET) >= 1
                        && callers.stream()
                                .allMatch(caller -> caller.getState() == Thread.State.WAITING
                                        || caller.getState() == Thread.State.TIMED_WAITING));
        answer.countDown();
        for (Thread caller : callers) {
            caller.join(Duration.ofSeconds(10).toMillis());
        }

        assertThat(results)
                .hasSize(8)
                .allSatisfy(result -> assertThat(result)
                        .isInstanceOfSatisfying(
                                PluginInfo.class,
                                plugin -> assertThat(plugin.pluginId()).isEqualTo(PLUGIN)));
        assertThat(repository.count(GET)).isEqualTo(1);
    }

    @Test
    void versionsAreAnsweredNewestFirstAsRepositoryServiceListsThem() {
        repository.on(GET_VERSIONS, request -> Reply.versions("1.2.2", "1.2.1.20220429.104002", "1.2.1", "latest"));

        assertThat(catalogue().versions(DOMAIN_A, PLUGIN))
                .containsExactly("1.2.2", "1.2.1.20220429.104002", "1.2.1", "latest");
        assertThat(json(repository.requests(GET_VERSIONS).get(0).body()))
                .isEqualTo(Map.of("plugin_id", PLUGIN, "domain_id", DOMAIN_A));
    }

    @Test
    void theLatestVersionIsTheNewestReleaseNotAPreReleaseNorATag() {
        repository.on(GET_VERSIONS, request -> Reply.versions("1.2.2", "1.3.0-rc.1", "1.2.1", "latest"));

        assertThat(catalogue().latest(DOMAIN_A, PLUGIN)).isEqualTo("1.2.2");
    }

    @Test
    void theLatestVersionIsTheNewestPreReleaseWhenThereIsNoRelease() {
        repository.on(GET_VERSIONS, request -> Reply.versions("2.0.0-rc.1", "latest"));

        assertThat(catalogue().latest(DOMAIN_A, PLUGIN)).isEqualTo("2.0.0-rc.1");
    }

    @Test
    void aPluginWhoseTagsAreNoVersionsHasNoLatestVersion() {
        repository.on(GET_VERSIONS, request -> Reply.versions("latest", "stable"));

        PlatformException failure =
                failure(() -> catalogue().latest(DOMAIN_A, PLUGIN), ErrorCode.ERROR_INVALID_PLUGIN_VERSION);

        assertThat(failure.code().status().value()).isEqualTo(400);
    }

    @Test
    void aPluginIdIsRequired() {
        failure(() -> catalogue().plugin(DOMAIN_A, " "), ErrorCode.ERROR_REQUIRED_PARAMETER);
        assertThat(repository.count(GET)).isZero();
    }

    private Catalogue catalogue() {
        return catalogue(properties(SERVICE_TOKEN, Duration.ofSeconds(5)));
    }

    private Catalogue catalogue(RepositoryProperties properties) {
        return catalogue(properties, ServiceToken.of(properties.token(), null, null, Clock.systemUTC()));
    }

    private Catalogue catalogue(RepositoryProperties properties, ServiceToken token) {
        return new Catalogue(properties, token, RestClient.builder(), ticker);
    }

    private RepositoryProperties properties(String token, Duration readTimeout) {
        return new RepositoryProperties(
                repository.baseUrl(), token, Duration.ofSeconds(30), Duration.ofSeconds(2), readTimeout);
    }

    private static PlatformException failure(ThrowingCallable call, ErrorCode code) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(PlatformException.class);
        assertThat(((PlatformException) thrown).code()).isEqualTo(code);
        return (PlatformException) thrown;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) {
        return JsonMapper.builder().build().readValue(body, Map.class);
    }
}
