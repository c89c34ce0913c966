package io.pluginplatform.repository.badinput;

import static io.pluginplatform.common.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.testsupport.Api;
import io.pluginplatform.common.testsupport.BadRequest;
import io.pluginplatform.common.testsupport.DatabaseSnapshot;
import io.pluginplatform.common.testsupport.LocalRegistry;
import io.pluginplatform.common.testsupport.RawClient;
import io.pluginplatform.common.testsupport.Tokens;
import io.pluginplatform.repository.testsupport.IntegrationTest;
import io.pluginplatform.repository.testsupport.RouteTable;
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

/**
 * Quality bar R8 for repository-service: every request of the bad-input corpus is answered 4xx with a problem detail
 * carrying a code and the request id and leaking nothing of the implementation, and the corpus as a whole writes
 * nothing: every collection keeps its documents and the plugin the corpus aims at stays byte-for-byte the same.
 */
class BadInputCorpusTest extends IntegrationTest {

    private static final String PLUGIN_ID = "bad-input-target";

    /** For the tests that only inspect the corpus and send nothing. */
    private static final Target PLACEHOLDER =
            new Target(PLUGIN_ID, "test/placeholder", Tokens.admin(Tokens.DOMAIN_A), Tokens.system());

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

        assertThat(RouteTable.ROUTES).allSatisfy(template -> {
            String pattern = Pattern.quote(template).replaceAll("\\{[a-z_]+}", "\\\\E[^/]+\\\\Q");
            assertThat(routes).as("cases for " + template).anyMatch(route -> route.matches(pattern));
        });
    }

    /**
     * Registers the plugin the corpus aims at, takes a snapshot of the database, then runs every case as its own test
     * and, last, checks the snapshot is unchanged.
     */
    @TestFactory
    Stream<DynamicTest> everyMalformedRequestIsAProblemAndNothingIsWritten() {
        LocalRegistry.assumeAvailable();
        String domain =
                "domain-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String admin = Tokens.admin(domain);
        String image = LocalRegistry.uniqueRepository("bad-input/plugin");
        LocalRegistry.pushImage(image, "1.0.0", "1.1.0");
        registerTarget(admin, image);
        Target target = new Target(PLUGIN_ID, image, admin, Tokens.system());

        Map<String, List<String>> before = DatabaseSnapshot.of(mongo);
        String pluginBefore = storedPlugin(domain);
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
            softly.assertThat(storedPlugin(domain)).as("the target plugin").isEqualTo(pluginBefore);
            softly.assertAll();
        });
        return Stream.concat(cases, Stream.of(unchanged));
    }

    private void registerTarget(String admin, String image) {
        String body = """
                {"name": "Bad input target", "service_type": "notification.Protocol", "image": "%s",
                 "plugin_id": "%s", "registry_type": "OCI", "registry_url": "127.0.0.1:5000", "provider": "example",
                 "capability": {"port": 50051, "protocol": "grpc"},
                 "template": {"options": {"schema": {"type": "object", "properties": {"url": {"type": "string"}}}}},
                 "labels": ["bad-input", "target"], "tags": {"icon": "https://example.org/i.svg"}}
                """.formatted(image, PLUGIN_ID);
        Api.Response response = api.post("/repository/v1/plugins", admin, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private String storedPlugin(String domain) {
        Document plugin = mongo.getCollection("plugins")
                .find(new Document("plugin_id", PLUGIN_ID).append("domain_id", domain))
                .first();
        assertThat(plugin).as("the target plugin is stored").isNotNull();
        return plugin.toJson();
    }
}
