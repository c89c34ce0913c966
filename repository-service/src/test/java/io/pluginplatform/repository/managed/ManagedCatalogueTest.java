package io.pluginplatform.repository.managed;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.api.repository.CreatePluginRequest;
import io.pluginplatform.common.api.repository.RegistryType;
import io.pluginplatform.common.testsupport.Api.Response;
import io.pluginplatform.common.testsupport.LocalRegistry;
import io.pluginplatform.common.testsupport.Tokens;
import io.pluginplatform.repository.plugin.ManagedPlugins;
import io.pluginplatform.repository.testsupport.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The bundled catalogue: loaded at start, idempotent on reload, removed entries disappear, read-only. */
class ManagedCatalogueTest extends IntegrationTest {

    @Autowired
    ManagedCatalogue catalogue;

    @Autowired
    ManagedPlugins managedPlugins;

    @AfterEach
    void restoreTheBundledCatalogue() {
        catalogue.load();
    }

    @Test
    void theBundledCatalogueIsLoadedAtStartAndVisibleToEveryDomain() {
        for (String domain : List.of(Tokens.DOMAIN_A, Tokens.DOMAIN_B)) {
            Response managed = api.get("/repository/v1/plugins?repository_id=repo-managed", Tokens.member(domain));
            assertThat(managed.status()).isEqualTo(200);
            assertThat(managed.json().path("total_count").asInt()).isGreaterThanOrEqualTo(12);
        }
    }

    @Test
    void reloadingTheSameFilesChangesNothing() {
        ManagedPlugins.Outcome again = catalogue.load();
        assertThat(again).isEqualTo(new ManagedPlugins.Outcome(0, 0, 0));
    }

    @Test
    void removedEntriesAreRemovedAndChangedOnesRewrittenKeepingCreatedAt() {
        String member = Tokens.member(Tokens.DOMAIN_A);
        String before = api.get("/repository/v1/plugins/plugin-slack-noti-protocol", member)
                .json()
                .path("created_at")
                .asString();

        ManagedPlugins.Outcome outcome = managedPlugins.replaceAll(
                List.of(entry("plugin-slack-noti-protocol", "Slack, renamed")), RegistryType.OCI, "127.0.0.1:5000");

        assertThat(outcome.changed()).isEqualTo(1);
        assertThat(outcome.removed()).isGreaterThanOrEqualTo(11);
        Response slack = api.get("/repository/v1/plugins/plugin-slack-noti-protocol", member);
        assertThat(slack.json().path("name").asString()).isEqualTo("Slack, renamed");
        assertThat(slack.json().path("created_at").asString()).isEqualTo(before);
        assertThat(api.get("/repository/v1/plugins?repository_id=repo-managed", member)
                        .json()
                        .path("total_count")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aLocalPluginOverridesTheManagedOneForItsDomainOnly() {
        LocalRegistry.assumeAvailable();
        String image = LocalRegistry.uniqueRepository("ov/slack");
        LocalRegistry.pushImage(image, "1.0.0");
        String domain = "domain-override0001";
        Response registered = api.post("/repository/v1/plugins", Tokens.admin(domain), """
                {"name": "Our Slack", "service_type": "notification.Protocol", "image": "%s",
                 "plugin_id": "plugin-slack-noti-protocol", "registry_type": "OCI", "registry_url": "127.0.0.1:5000"}
                """.formatted(image));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);

        assertThat(repositoryTypeOf("plugin-slack-noti-protocol", domain)).isEqualTo("local");
        assertThat(repositoryTypeOf("plugin-slack-noti-protocol", Tokens.DOMAIN_B))
                .isEqualTo("managed");
        Response both = api.get("/repository/v1/plugins?plugin_id=plugin-slack-noti-protocol", Tokens.member(domain));
        assertThat(both.json().path("total_count").asInt()).isEqualTo(2);
    }

    private String repositoryTypeOf(String pluginId, String domain) {
        return api.get("/repository/v1/plugins/" + pluginId, Tokens.member(domain))
                .json()
                .path("repository_info")
                .path("repository_type")
                .asString();
    }

    private static CreatePluginRequest entry(String pluginId, String name) {
        return new CreatePluginRequest(
                name,
                "notification.Protocol",
                "cloudforet/" + pluginId,
                pluginId,
                "slack",
                null,
                null,
                null,
                Map.of("port", 50051),
                Map.of(),
                List.of("slack"),
                Map.of(),
                null,
                null);
    }
}
