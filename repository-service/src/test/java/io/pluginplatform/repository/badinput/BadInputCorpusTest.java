package io.pluginplatform.repository.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.testsupport.Api;
import io.pluginplatform.common.testsupport.BadRequest;
import io.pluginplatform.common.testsupport.LocalRegistry;
import io.pluginplatform.common.testsupport.RawClient;
import io.pluginplatform.common.testsupport.Tokens;
import io.pluginplatform.repository.testsupport.IntegrationTest;
import io.pluginplatform.repository.testsupport.RouteTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Quality bar R8 for repository-service: every request of the bad-input corpus is answered 4xx with a problem detail
 * carrying a code and the request id and leaking nothing of the implementation, and the corpus as a whole writes
 * nothing: every collection keeps its documents and the plugin the corpus aims at stays byte-for-byte the same.
 */
class BadInputCorpusTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PLUGIN_ID = "bad-input-target";
    /** Text that would betray a stack trace, a class name or a database message in an answer. */
    private static final List<String> LEAKS = List.of(
            "java.",
            "javax.",
            "jakarta.",
            "tools.jackson",
            "com.fasterxml",
            "org.springframework",
            "org.apache",
            "Exception",
            "\tat ",
            "mongo",
            "Mongo",
            "bson",
            "BSON",
            "E11000",
            "de.bwaldvogel",
            "io.pluginplatform");

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

        Map<String, List<String>> before = snapshot();
        String pluginBefore = storedPlugin(domain);
        RawClient client = new RawClient(port);

        Stream<DynamicTest> cases = BadInputCorpus.all(target).stream()
                .map(request ->
                        DynamicTest.dynamicTest(request.name(), () -> assertProblem(request, client.send(request))));
        DynamicTest unchanged = DynamicTest.dynamicTest("after the whole corpus: nothing was written", () -> {
            SoftAssertions softly = new SoftAssertions();
            Map<String, List<String>> after = snapshot();
            softly.assertThat(counts(after)).as("documents per collection").isEqualTo(counts(before));
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

    private static void assertProblem(BadRequest request, RawClient.Answer response) {
        String answer = response.status() + " " + abbreviate(response.body()) + " to " + request;
        assertThat(response.status()).as("status of " + answer).isBetween(400, 499);
        if (request.status() != null) {
            assertThat(response.status()).as("status of " + answer).isEqualTo(request.status());
        }
        assertThat(response.header("Content-Type"))
                .as("content type of " + answer)
                .startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.isObject()).as("problem object in " + answer).isTrue();
        assertThat(problem.path("status").asInt())
                .as("status member of " + answer)
                .isEqualTo(response.status());
        assertThat(problem.path("code").asString()).as("code of " + answer).isNotBlank();
        assertThat(problem.path("request_id").asString())
                .as("request_id of " + answer)
                .isNotBlank()
                .isEqualTo(response.header("X-Request-Id"));
        if (request.code() != null) {
            assertThat(problem.path("code").asString()).as("code of " + answer).isEqualTo(request.code());
        }
        if (request.mentions() != null) {
            assertThat(response.body()).as("offending field in " + answer).contains(request.mentions());
        }
        assertThat(response.body()).as("leaks in " + answer).doesNotContain(LEAKS);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 600 ? text : text.substring(0, 600) + "...";
    }

    /** Every document of every collection, as canonical JSON, by collection name. */
    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> documents = new TreeMap<>();
        for (String collection : mongo.getCollectionNames()) {
            List<String> json = new ArrayList<>();
            for (Document document : mongo.getCollection(collection).find()) {
                json.add(document.toJson());
            }
            json.sort(String::compareTo);
            documents.put(collection, json);
        }
        return documents;
    }

    private static Map<String, Integer> counts(Map<String, List<String>> snapshot) {
        Map<String, Integer> counts = new TreeMap<>();
        snapshot.forEach((collection, documents) -> counts.put(collection, documents.size()));
        return counts;
    }

    private String storedPlugin(String domain) {
        Document plugin = mongo.getCollection("plugins")
                .find(new Document("plugin_id", PLUGIN_ID).append("domain_id", domain))
                .first();
        assertThat(plugin).as("the target plugin is stored").isNotNull();
        return plugin.toJson();
    }
}
