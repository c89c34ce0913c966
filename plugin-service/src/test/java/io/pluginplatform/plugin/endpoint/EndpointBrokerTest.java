package io.pluginplatform.plugin.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.pluginplatform.common.testsupport.Api;
import io.pluginplatform.common.testsupport.Tokens;
import io.pluginplatform.plugin.endpoint.RepositoryPlugins.Plugin;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** get_plugin_endpoint end to end: a cold call woken by the agent, a warm call, the access token, every route style. */
class EndpointBrokerTest extends BrokerTest {

    @Test
    void aColdCallIsAnsweredOnceTheAgentReportsThePluginActive() throws Exception {
        SimulatedAgent agent = agent();
        Plugin plugin = plugins.register();

        JsonNode answer = served(plugin, "version", "1.0.0");

        assertThat(answer.path("endpoint").asString()).isEqualTo(agent.endpoint());
        assertThat(answer.path("updated_version").asString()).isEqualTo("1.0.0");
        assertThat(answer.path("supervisor_id").asString()).isEqualTo(agent.supervisorId());
        assertThat(agent.imageOf(plugin.id(), "1.0.0")).isEqualTo(plugin.image("1.0.0"));
        SignedJWT token = SignedJWT.parse(answer.path("access_token").asString());
        JWKSet keys = JWKSet.parse(api.get("/plugin/v1/jwks.json", null).body());
        assertThat(token.verify(new ECDSAVerifier(
                        keys.getKeyByKeyId(token.getHeader().getKeyID()).toECKey())))
                .isTrue();
        assertThat(token.getJWTClaimsSet().getAudience()).containsExactly(plugin.id());
        assertThat(token.getJWTClaimsSet().getStringClaim("did")).isEqualTo(domain);
        assertThat(token.getJWTClaimsSet().getStringClaim("ver")).isEqualTo("1.0.0");
    }

    @Test
    void aWarmCallIsServedFromTheSameInstallation() {
        agent();
        Plugin plugin = plugins.register();
        JsonNode cold = served(plugin, "version", "1.0.0");

        JsonNode warm = served(plugin, "version", "1.0.0");

        assertThat(warm.path("endpoint").asString())
                .isEqualTo(cold.path("endpoint").asString());
        assertThat(warm.path("supervisor_id").asString())
                .isEqualTo(cold.path("supervisor_id").asString());
        assertThat(installations(plugin)).isEqualTo(1);
    }

    @Test
    void theVerbRouteAndItsAliasServeTheSameInstallationAsTheResourceRoute() {
        SimulatedAgent agent = agent();
        Plugin plugin = plugins.register();
        String body = json("plugin_id", plugin.id(), "version", "1.0.0");

        JsonNode resource = served(plugin, "version", "1.0.0");
        Api.Response verb = api.post("/plugin/v1/plugin/get-endpoint", Tokens.member(domain), body);
        Api.Response alias = api.post("/plugin/v1/plugin/get-plugin-endpoint", Tokens.member(domain), body);

        assertThat(resource.path("endpoint").asString()).isEqualTo(agent.endpoint());
        assertThat(verb.status()).as(verb.toString()).isEqualTo(200);
        assertThat(verb.json().path("endpoint").asString()).isEqualTo(agent.endpoint());
        assertThat(alias.status()).as(alias.toString()).isEqualTo(200);
        assertThat(alias.json().path("endpoint").asString()).isEqualTo(agent.endpoint());
        assertThat(installations(plugin)).isEqualTo(1);
    }
}
