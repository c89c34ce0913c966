package io.pluginplatform.repository.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.repository.registry.ScriptedRegistry.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OciConnectorTest {

    private static final String TAGS = "/v2/team/plugin-app/tags/list";

    private final ScriptedRegistry registry = new ScriptedRegistry();
    private final OciConnector connector =
            new OciConnector(new RegistryHttp(TestProperties.defaults(), new RecordingSleeper()));

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void followsRelativeAndAbsoluteLinkHeadersUntilTheLastPage() {
        registry.on(TAGS, request -> switch (String.valueOf(request.parameter("last"))) {
            case "null" ->
                Reply.tags("team/plugin-app", "1.0.0", "1.1.0")
                        .withHeader("Link", "</v2/team/plugin-app/tags/list?last=1.1.0&n=100>; rel=\"next\"");
            case "1.1.0" ->
                Reply.tags("team/plugin-app", "1.2.0", "1.3.0")
                        .withHeader(
                                "Link",
                                "<" + registry.baseUrl()
                                        + "/v2/team/plugin-app/tags/list?last=1.3.0&n=100>; rel=\"next\"");
            default -> Reply.tags("team/plugin-app", "latest");
        });

        assertThat(connector.tags("team/plugin-app", registry.address(), RegistryCredentials.anonymous()))
                .containsExactly("1.0.0", "1.1.0", "1.2.0", "1.3.0", "latest");
        assertThat(registry.requests(TAGS))
                .extracting(request -> request.parameter("n"))
                .containsExactly("100", "100", "100");
    }

    @Test
    void readsAnonymouslyWithATokenFromTheBearerRealm() {
        registry.on(
                TAGS,
                request -> "Bearer anonymous-token".equals(request.header("Authorization"))
                        ? Reply.tags("team/plugin-app", "1.0.0")
                        : bearerChallenge());
        registry.on("/token", request -> Reply.json("{\"token\":\"anonymous-token\"}"));

        assertThat(connector.tags("team/plugin-app", registry.address(), RegistryCredentials.anonymous()))
                .containsExactly("1.0.0");
        ScriptedRegistry.Request tokenRequest = registry.requests("/token").get(0);
        assertThat(tokenRequest.header("Authorization")).isNull();
        assertThat(tokenRequest.parameter("service")).isEqualTo("registry.test");
        assertThat(tokenRequest.parameter("scope")).isEqualTo("repository%3Ateam%2Fplugin-app%3Apull");
    }

    @Test
    void sendsTheCredentialsToTheRealmAndItsTokenToTheRegistry() {
        registry.on(
                TAGS,
                request -> "Bearer issued-token".equals(request.header("Authorization"))
                        ? Reply.tags("team/plugin-app", "2.0.0")
                        : bearerChallenge());
        registry.on(
                "/token",
                request -> basic("alice", "s3cret").equals(request.header("Authorization"))
                        ? Reply.json("{\"access_token\":\"issued-token\",\"expires_in\":300}")
                        : Reply.status(401));

        assertThat(connector.tags(
                        "team/plugin-app", registry.address(), new RegistryCredentials("alice", "s3cret", null, false)))
                .containsExactly("2.0.0");
        assertThat(registry.requests("/token"))
                .extracting(request -> request.header("Authorization"))
                .containsExactly(basic("alice", "s3cret"));
        assertThat(registry.requests(TAGS))
                .extracting(request -> request.header("Authorization"))
                .containsExactly(null, "Bearer issued-token");
    }

    @Test
    void usesAConfiguredTokenAsTheBearerTokenWithoutAskingTheRealm() {
        registry.on(
                TAGS,
                request -> "Bearer personal-token".equals(request.header("Authorization"))
                        ? Reply.tags("team/plugin-app", "1.0.0")
                        : bearerChallenge());

        assertThat(connector.tags(
                        "team/plugin-app",
                        registry.address(),
                        new RegistryCredentials(null, null, "personal-token", false)))
                .containsExactly("1.0.0");
        assertThat(registry.count("/token")).isZero();
    }

    @Test
    void answersABasicChallengeWithTheUsernameAndPassword() {
        registry.on(
                TAGS,
                request -> basic("bob", "pw").equals(request.header("Authorization"))
                        ? Reply.tags("team/plugin-app", "1.0.0")
                        : Reply.status(401).withHeader("WWW-Authenticate", "Basic realm=\"registry\""));

        assertThat(connector.tags(
                        "team/plugin-app", registry.address(), new RegistryCredentials("bob", "pw", null, false)))
                .containsExactly("1.0.0");
    }

    @Test
    void findsNoTagsForAnImageTheRegistryDoesNotKnow() {
        registry.on(
                TAGS,
                request -> Reply.status(404)
                        .withBody(
                                "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known\"}]}"));

        assertThat(connector.tags("team/plugin-app", registry.address(), RegistryCredentials.anonymous()))
                .isEmpty();
    }

    @Test
    void findsNoTagsWhenTheRegistryStillRefusesAccessAfterAuthenticating() {
        registry.on(TAGS, request -> bearerChallenge());
        registry.on("/token", request -> Reply.json("{\"token\":\"anonymous-token\"}"));

        assertThat(connector.tags("team/plugin-app", registry.address(), RegistryCredentials.anonymous()))
                .isEmpty();
        assertThat(registry.count(TAGS)).isEqualTo(2);
    }

    @Test
    void findsNoTagsWhenTheTokenServiceRefusesTheCredentials() {
        registry.on(TAGS, request -> bearerChallenge());
        registry.on("/token", request -> Reply.status(401));

        assertThat(connector.tags(
                        "team/plugin-app", registry.address(), new RegistryCredentials("alice", "wrong", null, false)))
                .isEmpty();
    }

    @Test
    void readsARepositoryWhoseTagsWereAllDeletedAsEmpty() {
        registry.on(TAGS, request -> Reply.json("{\"name\":\"team/plugin-app\",\"tags\":null}"));

        assertThat(connector.tags("team/plugin-app", registry.address(), RegistryCredentials.anonymous()))
                .isEmpty();
    }

    private Reply bearerChallenge() {
        return Reply.status(401)
                .withHeader(
                        "WWW-Authenticate",
                        "Bearer realm=\"" + registry.baseUrl()
                                + "/token\",service=\"registry.test\",scope=\"repository:team/plugin-app:pull\"")
                .withBody("{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}");
    }

    private static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
