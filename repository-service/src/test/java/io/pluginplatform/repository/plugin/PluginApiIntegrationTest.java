package io.pluginplatform.repository.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.testsupport.Api.Response;
import io.pluginplatform.common.testsupport.LocalRegistry;
import io.pluginplatform.common.testsupport.Tokens;
import io.pluginplatform.repository.testsupport.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Every plugin method in both route styles, against the real local registry and the embedded store. */
class PluginApiIntegrationTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String domain;
    private String admin;
    private String image;

    @BeforeEach
    void pushAnImage() {
        LocalRegistry.assumeAvailable();
        domain = "domain-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin = Tokens.admin(domain);
        image = LocalRegistry.uniqueRepository("plugins/plugin-hello");
        LocalRegistry.pushImage(image, "1.0.0", "1.2.0", "1.1.0", "latest", "1.2.0-rc.1");
    }

    private String registerBody(String pluginId) {
        return """
                {"name": "Hello", "service_type": "notification.Protocol", "image": "%s", "plugin_id": "%s",
                 "registry_type": "OCI", "registry_url": "127.0.0.1:5000", "provider": "example",
                 "labels": ["hello", "hello", "example"], "tags": {"icon": "https://example.org/i.svg"}}
                """.formatted(image, pluginId);
    }

    @Test
    void seedRegisterExampleRoundTripsFieldForField() throws IOException {
        LocalRegistry.pushImage("pyengine/plugin-jira-noti-protocol", "1.0.0");
        String request = resource("/seeds/001-register-request.json");
        JsonNode expected = JSON.readTree(resource("/seeds/001-register-response.json"));

        Response response = api.post("/repository/v1/plugin/register", admin, request);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        ObjectNode actual = (ObjectNode) response.json();
        for (String serverDecided : List.of("repository_info", "domain_id", "created_at", "updated_at")) {
            assertThat(actual.has(serverDecided)).as(serverDecided).isTrue();
            actual.remove(serverDecided);
            ((ObjectNode) expected).remove(serverDecided);
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(response.json().path("domain_id").asString()).isEqualTo(domain);
        assertThat(response.json()
                        .path("repository_info")
                        .path("repository_type")
                        .asString())
                .isEqualTo("local");
        assertThat(response.json().path("created_at").asString())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void registerInBothRouteStylesAndReadItBack() {
        Response resource = api.post("/repository/v1/plugins", admin, registerBody("hello-a"));
        Response verb = api.post("/repository/v1/plugin/register", admin, registerBody("hello-b"));

        assertThat(resource.status()).as(resource.toString()).isEqualTo(200);
        assertThat(verb.status()).as(verb.toString()).isEqualTo(200);
        assertThat(resource.json().path("state").asString()).isEqualTo("ENABLED");
        assertThat(resource.json().path("labels").toString()).isEqualTo("[\"hello\",\"example\"]");

        Response get = api.get("/repository/v1/plugins/hello-a", admin);
        Response getVerb = api.post("/repository/v1/plugin/get", admin, "{\"plugin_id\": \"hello-b\"}");
        assertThat(get.json().path("plugin_id").asString()).isEqualTo("hello-a");
        assertThat(getVerb.json().path("plugin_id").asString()).isEqualTo("hello-b");
        assertThat(get.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void registeringTheSamePluginIdTwiceIsAConflict() {
        assertThat(api.post("/repository/v1/plugins", admin, registerBody("dup"))
                        .status())
                .isEqualTo(200);
        Response again = api.post("/repository/v1/plugins", admin, registerBody("dup"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ERROR_SAVE_UNIQUE_VALUES");
    }

    @Test
    void registerRejectsAnImageWithoutTagsInTheRegistry() {
        String body = registerBody("ghost").replace(image, LocalRegistry.uniqueRepository("plugins/ghost"));
        Response response = api.post("/repository/v1/plugins", admin, body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("ERROR_NO_IMAGE_IN_REGISTRY");
        assertThat(api.get("/repository/v1/plugins/ghost", admin).status()).isEqualTo(404);
    }

    @Test
    void registerRejectsAnImageLongerThan40Characters() {
        String body = registerBody("long").replace(image, "a".repeat(41));
        Response response = api.post("/repository/v1/plugins", admin, body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("ERROR_INVALID_IMAGE_LENGTH");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("image");
    }

    @Test
    void registerRejectsAnInvalidTemplateSchema() {
        String body = registerBody("bad-schema")
                .replace(
                        "\"provider\"",
                        "\"template\": {\"options\": {\"schema\": {\"type\": \"no-such-type\"}}}, \"provider\"");
        Response response = api.post("/repository/v1/plugins", admin, body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("ERROR_INVALID_TEMPLATE_SCHEMA");
        assertThat(response.body()).contains("template.options.schema");
    }

    @Test
    void versionsAreNewestFirstInBothRouteStyles() {
        api.post("/repository/v1/plugins", admin, registerBody("versioned"));

        Response resource = api.get("/repository/v1/plugins/versioned/versions", admin);
        Response verb = api.post("/repository/v1/plugin/get-versions", admin, "{\"plugin_id\": \"versioned\"}");

        assertThat(resource.status()).as(resource.toString()).isEqualTo(200);
        assertThat(resource.json().path("results").toString())
                .isEqualTo("[\"1.2.0\",\"1.2.0-rc.1\",\"1.1.0\",\"1.0.0\",\"latest\"]");
        assertThat(resource.json().path("total_count").asInt()).isEqualTo(5);
        assertThat(verb.json()).isEqualTo(resource.json());
    }

    @Test
    void updateReplacesFieldsAndKeepsCreatedAt() {
        JsonNode created =
                api.post("/repository/v1/plugins", admin, registerBody("upd")).json();

        Response resource = api.put("/repository/v1/plugin/upd", admin, "{\"name\": \"Renamed\", \"labels\": [\"x\"]}");
        Response verb =
                api.post("/repository/v1/plugin/update", admin, "{\"plugin_id\": \"upd\", \"tags\": {\"a\": 1}}");

        assertThat(resource.status()).as(resource.toString()).isEqualTo(200);
        assertThat(verb.status()).as(verb.toString()).isEqualTo(200);
        assertThat(verb.json().path("name").asString()).isEqualTo("Renamed");
        assertThat(verb.json().path("labels").toString()).isEqualTo("[\"x\"]");
        assertThat(verb.json().path("tags").toString()).isEqualTo("{\"a\":1}");
        assertThat(verb.json().path("created_at")).isEqualTo(created.path("created_at"));
    }

    @Test
    void aBodyThatContradictsThePathIsRejected() {
        api.post("/repository/v1/plugins", admin, registerBody("path-a"));
        Response response = api.put("/repository/v1/plugin/path-a", admin, "{\"plugin_id\": \"path-b\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("ERROR_INVALID_PARAMETER");
    }

    @Test
    void enableAndDisableAreIdempotentInBothRouteStyles() {
        api.post("/repository/v1/plugins", admin, registerBody("toggle"));

        assertThat(api.put("/repository/v1/plugin/toggle/disable", admin, null)
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("DISABLED");
        assertThat(api.post("/repository/v1/plugin/disable", admin, "{\"plugin_id\": \"toggle\"}")
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("DISABLED");
        assertThat(api.get("/repository/v1/plugins/toggle", admin)
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("DISABLED");
        assertThat(api.post("/repository/v1/plugin/enable", admin, "{\"plugin_id\": \"toggle\"}")
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("ENABLED");
        assertThat(api.put("/repository/v1/plugin/toggle/enable", admin, "{}")
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("ENABLED");
    }

    @Test
    void deregisterDeletesInBothRouteStyles() {
        api.post("/repository/v1/plugins", admin, registerBody("gone-a"));
        api.post("/repository/v1/plugins", admin, registerBody("gone-b"));

        Response resource = api.delete("/repository/v1/plugin/gone-a", admin);
        Response verb = api.post("/repository/v1/plugin/deregister", admin, "{\"plugin_id\": \"gone-b\"}");

        assertThat(resource.status()).isEqualTo(200);
        assertThat(resource.body()).isEqualTo("{}");
        assertThat(verb.body()).isEqualTo("{}");
        assertThat(api.get("/repository/v1/plugins/gone-a", admin).status()).isEqualTo(404);
        assertThat(api.get("/repository/v1/plugins/gone-b", admin).status()).isEqualTo(404);
    }

    @Test
    void listFiltersSortsAndPagesInEveryRouteStyle() {
        for (String id : List.of("list-c", "list-a", "list-b")) {
            api.post("/repository/v1/plugins", admin, registerBody(id));
        }
        String query = "{\"repository_id\": \"repo-local\", \"query\": {\"filter\": [{\"k\": \"plugin_id\", \"v\":"
                + " \"list-\", \"o\": \"contain\"}], \"sort\": [{\"key\": \"plugin_id\", \"desc\": true}],"
                + " \"page\": {\"start\": 2, \"limit\": 1}}}";

        Response verb = api.post("/repository/v1/plugin/list", admin, query);
        Response search = api.post("/repository/v1/plugins/search", admin, query);
        Response get = api.get(
                "/repository/v1/plugins?repository_id=repo-local&keyword=list-&sort=-plugin_id&start=2&limit=1", admin);

        for (Response response : List.of(verb, search, get)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().path("total_count").asInt()).isEqualTo(3);
            assertThat(ids(response)).containsExactly("list-b");
        }
    }

    @Test
    void listWithoutRepositoryIncludesTheManagedCatalogue() {
        api.post("/repository/v1/plugins", admin, registerBody("mine"));

        Response all = api.get("/repository/v1/plugins?limit=1000", admin);

        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        all.json()
                .path("results")
                .forEach(p -> types.add(
                        p.path("repository_info").path("repository_type").asString()));
        assertThat(types).contains("local", "managed");
        assertThat(all.json().path("total_count").asInt()).isGreaterThanOrEqualTo(13);
    }

    @Test
    void managedPluginsCannotBeChanged() {
        Response managed = api.get("/repository/v1/plugins?repository_id=repo-managed&limit=1", admin);
        String pluginId =
                managed.json().path("results").get(0).path("plugin_id").asString();

        Response disable = api.put("/repository/v1/plugin/" + pluginId + "/disable", admin, null);

        assertThat(disable.status()).isEqualTo(409);
        assertThat(disable.code()).isEqualTo("ERROR_NOT_LOCAL_REPOSITORY");
    }

    @Test
    void statGroupsPluginsInBothRouteStyles() {
        api.post("/repository/v1/plugins", admin, registerBody("stat-a"));
        api.post("/repository/v1/plugins", admin, registerBody("stat-b"));
        String query = """
                {"repository_id": "repo-local", "query": {"aggregate": [
                  {"group": {"keys": [{"key": "provider", "name": "provider"}],
                             "fields": [{"operator": "count", "name": "count"}]}},
                  {"sort": [{"key": "count", "desc": true}]}]}}
                """;

        Response verb = api.post("/repository/v1/plugin/stat", admin, query);
        Response resource = api.post("/repository/v1/plugins/stat", admin, query);

        assertThat(verb.status()).as(verb.toString()).isEqualTo(200);
        assertThat(verb.json().path("results").get(0).path("provider").asString())
                .isEqualTo("example");
        assertThat(verb.json().path("results").get(0).path("count").asInt()).isEqualTo(2);
        assertThat(resource.json()).isEqualTo(verb.json());
    }

    @Test
    void registryPasswordsAreStoredButNeverReturned() {
        String body = registerBody("secretive")
                .replace(
                        "\"provider\"",
                        "\"registry_config\": {\"username\": \"u\", \"password\": \"hunter2-pass\"}, \"provider\"");
        Response response = api.post("/repository/v1/plugins", admin, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("hunter2-pass").contains("\"username\":\"u\"");
        assertThat(api.get("/repository/v1/plugins/secretive", admin).body()).doesNotContain("hunter2-pass");

        // a stat whose stages do not reshape the rows answers stored documents: with their declared fields only
        Response rows = api.post("/repository/v1/plugins/stat", admin, """
                {"repository_id": "repo-local", "query": {"aggregate": [
                  {"match": [{"key": "plugin_id", "value": "secretive"}]}, {"limit": 5}]}}
                """);
        assertThat(rows.status()).as(rows.toString()).isEqualTo(200);
        assertThat(rows.json().path("results").get(0).path("plugin_id").asString())
                .isEqualTo("secretive");
        assertThat(rows.body())
                .doesNotContain("registry_config")
                .doesNotContain("enc:v1")
                .doesNotContain("\"_id\"");
    }

    private static List<String> ids(Response response) {
        List<String> ids = new ArrayList<>();
        response.json().path("results").forEach(p -> ids.add(p.path("plugin_id").asString()));
        return ids;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = PluginApiIntegrationTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
