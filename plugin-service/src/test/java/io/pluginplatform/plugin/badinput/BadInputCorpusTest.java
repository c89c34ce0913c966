package io.pluginplatform.plugin.badinput;

import static io.pluginplatform.common.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.testsupport.Api;
import io.pluginplatform.common.testsupport.BadRequest;
import io.pluginplatform.common.testsupport.DatabaseSnapshot;
import io.pluginplatform.common.testsupport.RawClient;
import io.pluginplatform.common.testsupport.Tokens;
import io.pluginplatform.plugin.testsupport.IntegrationTest;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.bson.Document;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Quality bar R8 for plugin-service: every request of the bad-input corpus is answered 4xx (never 2xx, never 5xx)
 * with a problem detail carrying a code and the request id and leaking nothing of the implementation, and the corpus
 * as a whole writes nothing: every collection keeps its documents, and the supervisor the corpus aims at (published by
 * its agent and registered) and its installation stay byte-for-byte the same. The disconnect job is pushed out of the
 * way (its first run is an hour away), so that only a request could change a stored supervisor.
 */
@TestPropertySource(properties = "platform.supervisor.disconnect-job-period=1h")
class BadInputCorpusTest extends IntegrationTest {

    private static final String VERSION = "1.0.0";

    /** plugin-service.md §1, every route in both styles, as the corpus writes their paths. */
    private static final List<String> ROUTES = List.of(
            "POST /plugin/v1/plugin/{plugin_id}/get-endpoint",
            "POST /plugin/v1/plugin/get-endpoint",
            "POST /plugin/v1/plugin/get-plugin-endpoint",
            "PUT /plugin/v1/plugin/{plugin_id}/notify-failure",
            "POST /plugin/v1/plugin/notify-failure",
            "POST /plugin/v1/supervisors",
            "POST /plugin/v1/supervisor/publish",
            "POST /plugin/v1/supervisor/{supervisor_id}/register",
            "POST /plugin/v1/supervisor/register",
            "PUT /plugin/v1/supervisor/{supervisor_id}",
            "POST /plugin/v1/supervisor/update",
            "DELETE /plugin/v1/supervisor/{supervisor_id}/register",
            "POST /plugin/v1/supervisor/deregister",
            "PUT /plugin/v1/supervisor/{supervisor_id}/enable",
            "POST /plugin/v1/supervisor/enable",
            "PUT /plugin/v1/supervisor/{supervisor_id}/disable",
            "POST /plugin/v1/supervisor/disable",
            "POST /plugin/v1/supervisor/{supervisor_id}/plugin/{plugin_id}/recover",
            "POST /plugin/v1/supervisor/recover-plugin",
            "GET /plugin/v1/supervisor/{supervisor_id}",
            "POST /plugin/v1/supervisor/get",
            "GET /plugin/v1/supervisors",
            "POST /plugin/v1/supervisors/search",
            "POST /plugin/v1/supervisor/list",
            "POST /plugin/v1/supervisors/stat",
            "POST /plugin/v1/supervisor/stat",
            "GET /plugin/v1/supervisor/{supervisor_id}/plugins",
            "POST /plugin/v1/supervisor/{supervisor_id}/plugins/search",
            "POST /plugin/v1/supervisor/list-plugins");

    /** For the tests that only inspect the corpus and send nothing. */
    private static final Target PLACEHOLDER = new Target(
            Tokens.DOMAIN_A,
            "host-placeholder",
            "secret-of-host-placeholder",
            "supervisor-000000000001",
            "plugin-placeholder",
            VERSION,
            Tokens.admin(Tokens.DOMAIN_A),
            Tokens.member(Tokens.DOMAIN_A),
            Tokens.supervisor(Tokens.DOMAIN_A, "host-placeholder"),
            Tokens.system());

    @Autowired
    private MongoTemplate mongo;

    @Test
    void theCorpusHoldsAtLeast150MalformedRequestsWithDistinctNames() {
        List<BadRequest> corpus = BadInputCorpus.all(PLACEHOLDER);

        assertThat(corpus).hasSizeGreaterThanOrEqualTo(150);
        assertThat(corpus.stream().collect(Collectors.groupingBy(BadRequest::name, Collectors.counting())))
                .as("names given to more than one case")
                .allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1L));
    }

    @Test
    void theCorpusCoversEveryRouteInBothStyles() {
        List<String> routes = BadInputCorpus.all(PLACEHOLDER).stream()
                .map(request -> request.method() + " " + request.path().replaceAll("\\?.*", ""))
                .distinct()
                .toList();

        assertThat(ROUTES).hasSize(29).allSatisfy(template -> {
            String pattern = Pattern.quote(template).replaceAll("\\{[a-z_]+}", "\\\\E[^/]+\\\\Q");
            assertThat(routes).as("cases for " + template).anyMatch(route -> route.matches(pattern));
        });
    }

    /**
     * Publishes and registers the supervisor the corpus aims at and installs a plugin on it, takes a snapshot of the
     * database, then runs every case as its own test and, last, checks the snapshot is unchanged.
     */
    @TestFactory
    Stream<DynamicTest> everyMalformedRequestIsAProblemAndNothingIsWritten() {
        Target target = createTarget();
        Map<String, List<String>> before = DatabaseSnapshot.of(mongo);
        String supervisorBefore = stored("supervisors", "supervisor_id", target.supervisorId());
        String installationBefore = stored("installed_plugins", "supervisor_id", target.supervisorId());
        RawClient client = new RawClient(port);

        Stream<DynamicTest> cases = BadInputCorpus.all(target).stream()
                .map(request ->
                        DynamicTest.dynamicTest(request.name(), () -> assertProblem(request, client.send(request))));
        DynamicTest unchanged = DynamicTest.dynamicTest("after the whole corpus: nothing was written", () -> {
            SoftAssertions softly = new SoftAssertions();
            Map<String, List<String>> after = DatabaseSnapshot.of(mongo);
            softly.assertThat(DatabaseSnapshot.counts(after))
                    .as("documents per collection")
                    .isEqualTo(DatabaseSnapshot.counts(before));
            softly.assertThat(after).as("every stored document").isEqualTo(before);
            softly.assertThat(stored("supervisors", "supervisor_id", target.supervisorId()))
                    .as("the target supervisor")
                    .isEqualTo(supervisorBefore);
            softly.assertThat(stored("installed_plugins", "supervisor_id", target.supervisorId()))
                    .as("the target installation")
                    .isEqualTo(installationBefore);
            softly.assertAll();
        });
        return Stream.concat(cases, Stream.of(unchanged));
    }

    private Target createTarget() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String domain = "domain-" + suffix;
        String hostname = "host-bad-input-" + suffix;
        String secretKey = "secret-of-" + hostname;
        String agent = Tokens.supervisor(domain, hostname);
        String admin = Tokens.admin(domain);
        Api.Response published = api.post("/plugin/v1/supervisor/publish", agent, """
                {"name": "bad input target", "hostname": "%s", "secret_key": "%s", "plugin_info": [],
                 "tags": {"team": "platform"}, "agent": {"version": "1.0.0", "runtime": "docker", "capacity": 20}}
                """.formatted(hostname, secretKey));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        String supervisorId = published.json().path("supervisor_id").asString();
        Api.Response registered = api.post("/plugin/v1/supervisor/register", admin, """
                {"supervisor_id": "%s", "name": "Bad input target", "priority": 70, "labels": {"region": "eu"}}
                """.formatted(supervisorId));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        String pluginId = "plugin-bad-input-" + suffix;
        mongo.insert(
                new Document("supervisor_id", supervisorId)
                        .append("domain_id", domain)
                        .append("plugin_key", "managed/" + pluginId)
                        .append("plugin_id", pluginId)
                        .append("version", VERSION)
                        .append("state", "ACTIVE")
                        .append("endpoints", List.of("10.0.0.7:50051"))
                        .append("endpoint", "10.0.0.7:50051")
                        .append("generation", 0L)
                        .append("failure_count", 0)
                        .append("image", "127.0.0.1:5000/examples/" + pluginId + ":" + VERSION)
                        .append("capability", new Document("port", 50051))
                        .append("created_at", Date.from(Instant.now()))
                        .append("updated_at", Date.from(Instant.now())),
                "installed_plugins");
        return new Target(
                domain,
                hostname,
                secretKey,
                supervisorId,
                pluginId,
                VERSION,
                admin,
                Tokens.member(domain),
                agent,
                Tokens.system());
    }

    private String stored(String collection, String key, String value) {
        Document document =
                mongo.getCollection(collection).find(new Document(key, value)).first();
        assertThat(document).as(collection + " holds " + value).isNotNull();
        return document.toJson();
    }
}
