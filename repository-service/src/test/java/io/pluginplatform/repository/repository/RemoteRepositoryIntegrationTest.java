package io.pluginplatform.repository.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.testsupport.Api;
import io.pluginplatform.common.testsupport.Api.Response;
import io.pluginplatform.common.testsupport.LocalRegistry;
import io.pluginplatform.common.testsupport.Tokens;
import io.pluginplatform.repository.RepositoryServiceApplication;
import io.pluginplatform.repository.testsupport.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second repository-service started in the same run acts as a marketplace: registered here as a remote
 * repository, reached over HTTP with its own token.
 */
class RemoteRepositoryIntegrationTest extends IntegrationTest {

    private static final String MARKET_DOMAIN = "domain-market000001";

    private static ConfigurableApplicationContext marketplace;
    private static Api market;
    private static String image;

    @BeforeAll
    static void startMarketplace() {
        LocalRegistry.assumeAvailable();
        marketplace = new SpringApplicationBuilder(RepositoryServiceApplication.class)
                .run(
                        "--server.port=0",
                        "--platform.store.embedded.in-memory=true",
                        "--platform.security.jwt-secret=" + Tokens.SECRET,
                        "--platform.managed.location=classpath:no-managed-plugins/*.yaml",
                        "--spring.jmx.enabled=false");
        int port = ((WebServerApplicationContext) marketplace).getWebServer().getPort();
        market = new Api(port);
        image = LocalRegistry.uniqueRepository("market/plugin-market-hello");
        LocalRegistry.pushImage(image, "2.0.0", "2.1.0");
        String admin = Tokens.admin(MARKET_DOMAIN);
        for (String id : List.of("zz-market-plugin", "aa-market-plugin")) {
            Response registered = market.post("/repository/v1/plugins", admin, """
                    {"name": "Market %s", "service_type": "monitoring.Webhook", "image": "%s", "plugin_id": "%s",
                     "registry_type": "OCI", "registry_url": "127.0.0.1:5000", "provider": "market"}
                    """.formatted(id, image, id));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stopMarketplace() {
        if (marketplace != null) {
            marketplace.close();
        }
    }

    private String registerRemote(String endpoint) {
        Response response = api.post("/repository/v1/repositories", Tokens.system(), """
                {"name": "Marketplace %s", "endpoint": "%s", "token": "%s"}
                """.formatted(
                        UUID.randomUUID(), endpoint, Tokens.member(MARKET_DOMAIN)));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("token");
        return response.json().path("repository_id").asString();
    }

    @Test
    void remotePluginsAreFoundListedAndVersionedThroughTheRemote() {
        String repositoryId = registerRemote(market.base());
        String member = Tokens.member("domain-" + UUID.randomUUID().toString().substring(0, 12));
        try {
            Response get = api.get("/repository/v1/plugins/zz-market-plugin", member);
            assertThat(get.status()).as(get.toString()).isEqualTo(200);
            assertThat(get.json().path("repository_info").path("repository_id").asString())
                    .isEqualTo(repositoryId);
            assertThat(get.json()
                            .path("repository_info")
                            .path("repository_type")
                            .asString())
                    .isEqualTo("remote");

            Response versions = api.get("/repository/v1/plugins/zz-market-plugin/versions", member);
            assertThat(versions.json().path("results").toString()).isEqualTo("[\"2.1.0\",\"2.0.0\"]");

            Response remoteOnly = api.get("/repository/v1/plugins?repository_id=" + repositoryId, member);
            assertThat(remoteOnly.json().path("total_count").asInt()).isEqualTo(2);

            Response everywhere =
                    api.get("/repository/v1/plugins?sort=plugin_id&limit=2&keyword=market-plugin", member);
            assertThat(everywhere.status()).as(everywhere.toString()).isEqualTo(200);
            List<String> ids = new ArrayList<>();
            everywhere
                    .json()
                    .path("results")
                    .forEach(p -> ids.add(p.path("plugin_id").asString()));
            assertThat(ids).containsExactly("aa-market-plugin", "zz-market-plugin");
        } finally {
            api.delete("/repository/v1/repository/" + repositoryId, Tokens.system());
        }
    }

    @Test
    void pagingWithoutARepositoryIsOneGlobalSortOverLocalManagedAndRemotePlugins() {
        String repositoryId = registerRemote(market.base());
        String domain =
                "domain-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String admin = Tokens.admin(domain);
        try {
            Response local = api.post("/repository/v1/plugins", admin, """
                    {"name": "Local", "service_type": "monitoring.Webhook", "image": "%s",
                     "plugin_id": "mm-market-plugin", "registry_type": "OCI", "registry_url": "127.0.0.1:5000"}
                    """.formatted(image));
            assertThat(local.status()).as(local.toString()).isEqualTo(200);

            List<String> pages = new ArrayList<>();
            List<String> repositories = new ArrayList<>();
            for (int start = 1; start <= 4; start++) {
                Response page = api.get(
                        "/repository/v1/plugins?keyword=market-plugin&sort=-plugin_id&limit=1&start=" + start, admin);
                assertThat(page.status()).as(page.toString()).isEqualTo(200);
                assertThat(page.json().path("total_count").asInt()).isEqualTo(3);
                page.json().path("results").forEach(plugin -> {
                    pages.add(plugin.path("plugin_id").asString());
                    repositories.add(
                            plugin.path("repository_info").path("repository_id").asString());
                });
            }

            assertThat(pages).containsExactly("zz-market-plugin", "mm-market-plugin", "aa-market-plugin");
            assertThat(repositories).containsExactly(repositoryId, "repo-local", repositoryId);
        } finally {
            api.delete("/repository/v1/repository/" + repositoryId, Tokens.system());
        }
    }

    @Test
    void aRemoteThatIsDownIsAWarningInListsAndA503OnGet() {
        String repositoryId = registerRemote("http://127.0.0.1:9");
        String member = Tokens.member("domain-" + UUID.randomUUID().toString().substring(0, 12));
        try {
            Response list = api.get("/repository/v1/plugins?limit=5", member);
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.header("Warning")).contains(repositoryId);

            Response get = api.get("/repository/v1/plugins/not-anywhere", member);
            assertThat(get.status()).isEqualTo(503);
            assertThat(get.code()).isEqualTo("ERROR_REPOSITORY_UNAVAILABLE");
            assertThat(get.header("Retry-After")).isNotBlank();
        } finally {
            api.delete("/repository/v1/repository/" + repositoryId, Tokens.system());
        }
    }

    @Test
    void repositoryRoutesWorkInBothStylesAndOnlySystemMayWrite() {
        Response denied = api.post(
                "/repository/v1/repository/register",
                Tokens.admin(MARKET_DOMAIN),
                "{\"name\": \"x\", \"endpoint\": \"http://127.0.0.1:9\"}");
        assertThat(denied.status()).isEqualTo(403);

        String repositoryId = registerRemote(market.base());
        Response get = api.post(
                "/repository/v1/repository/get",
                Tokens.member(MARKET_DOMAIN),
                "{\"repository_id\": \"" + repositoryId + "\"}");
        assertThat(get.json().path("repository_type").asString()).isEqualTo("remote");

        Response renamed = api.post(
                "/repository/v1/repository/update",
                Tokens.system(),
                "{\"repository_id\": \"" + repositoryId + "\", \"name\": \"Renamed " + repositoryId + "\"}");
        assertThat(renamed.json().path("name").asString()).startsWith("Renamed");

        Response list = api.post("/repository/v1/repository/list", Tokens.member(MARKET_DOMAIN), "{}");
        List<String> ids = new ArrayList<>();
        list.json().path("results").forEach(r -> ids.add(r.path("repository_id").asString()));
        assertThat(ids).contains("repo-local", "repo-managed", repositoryId);

        assertThat(api.post(
                                "/repository/v1/repository/deregister",
                                Tokens.system(),
                                "{\"repository_id\": \"" + repositoryId + "\"}")
                        .body())
                .isEqualTo("{}");
        assertThat(api.get("/repository/v1/repository/" + repositoryId, Tokens.system())
                        .status())
                .isEqualTo(404);
    }
}
