package io.pluginplatform.repository.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.repository.registry.ScriptedRegistry.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DockerHubConnectorTest {

    private static final String NGINX_TAGS = "/v2/repositories/library/nginx/tags";

    private final ScriptedRegistry hub = new ScriptedRegistry();
    private final DockerHubConnector connector =
            new DockerHubConnector(new RegistryHttp(TestProperties.defaults(), new RecordingSleeper()));

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void followsNextThroughEveryPage() {
        hub.on(NGINX_TAGS, request -> switch (String.valueOf(request.parameter("page"))) {
            case "null" -> page("\"" + hub.baseUrl() + NGINX_TAGS + "?page=2&page_size=100\"", "1.25.0", "1.25.1");
            case "2" -> page("\"" + hub.baseUrl() + NGINX_TAGS + "?page=3&page_size=100\"", "1.26.0", "latest");
            default -> page("null", "1.24.0");
        });

        assertThat(connector.tags("nginx", hub.address(), RegistryCredentials.anonymous()))
                .containsExactly("1.25.0", "1.25.1", "1.26.0", "latest", "1.24.0");
        assertThat(hub.requests(NGINX_TAGS))
                .extracting(request -> request.parameter("page_size"))
                .containsExactly("100", "100", "100");
    }

    @Test
    void readsSingleSegmentImagesAsOfficialLibraryImages() {
        hub.on(NGINX_TAGS, request -> page("null", "1.0"));

        assertThat(connector.tags("nginx", hub.address(), RegistryCredentials.anonymous()))
                .containsExactly("1.0");
        assertThat(connector.tags("library/nginx", hub.address(), RegistryCredentials.anonymous()))
                .containsExactly("1.0");
    }

    @Test
    void readsNamespacedImagesAsTheyAre() {
        hub.on("/v2/repositories/pyengine/plugin-jira-noti-protocol/tags", request -> page("null", "1.2.2"));

        assertThat(connector.tags("pyengine/plugin-jira-noti-protocol", hub.address(), RegistryCredentials.anonymous()))
                .containsExactly("1.2.2");
    }

    @Test
    void findsNoTagsForAnUnknownImage() {
        hub.on(NGINX_TAGS, request -> Reply.status(404).withBody("{\"message\":\"object not found\"}"));

        assertThat(connector.tags("nginx", hub.address(), RegistryCredentials.anonymous()))
                .isEmpty();
    }

    @Test
    void sendsAConfiguredTokenAsBearer() {
        hub.on(
                NGINX_TAGS,
                request -> "Bearer hub-token".equals(request.header("Authorization"))
                        ? page("null", "1.0")
                        : Reply.status(401));

        assertThat(connector.tags("nginx", hub.address(), new RegistryCredentials(null, null, "hub-token", false)))
                .containsExactly("1.0");
    }

    @Test
    void logsInWithUsernameAndPasswordThenSendsTheSessionToken() {
        hub.on(
                "/v2/users/login",
                request -> request.body().contains("\"username\":\"alice\"")
                                && request.body().contains("\"password\":\"s3cret\"")
                        ? Reply.json("{\"token\":\"session-token\"}")
                        : Reply.status(401));
        hub.on(
                NGINX_TAGS,
                request -> "Bearer session-token".equals(request.header("Authorization"))
                        ? page("null", "1.0")
                        : Reply.status(401));

        assertThat(connector.tags("nginx", hub.address(), new RegistryCredentials("alice", "s3cret", null, false)))
                .containsExactly("1.0");
        assertThat(hub.requests("/v2/users/login"))
                .extracting(ScriptedRegistry.Request::method)
                .containsExactly("POST");
    }

    private static Reply page(String next, String... names) {
        StringBuilder results = new StringBuilder();
        for (String name : names) {
            results.append(results.isEmpty() ? "" : ",")
                    .append("{\"name\":\"")
                    .append(name)
                    .append("\"}");
        }
        return Reply.json("{\"count\":5,\"next\":" + next + ",\"previous\":null,\"results\":[" + results + "]}");
    }
}
