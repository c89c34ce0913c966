package io.pluginplatform.repository.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {

    @Test
    void readsABearerChallengeWithItsParameters() {
        AuthChallenge challenge = AuthChallenge.parse(
                "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/nginx:pull\"");

        assertThat(challenge.isBearer()).isTrue();
        assertThat(challenge.parameter("realm")).isEqualTo("https://auth.docker.io/token");
        assertThat(challenge.parameter("service")).isEqualTo("registry.docker.io");
        assertThat(challenge.parameter("scope")).isEqualTo("repository:library/nginx:pull");
    }

    @Test
    void readsUnquotedParametersAndAnyCaseOfTheScheme() {
        AuthChallenge challenge = AuthChallenge.parse("bearer realm=https://ghcr.io/token, service=ghcr.io");

        assertThat(challenge.isBearer()).isTrue();
        assertThat(challenge.parameter("realm")).isEqualTo("https://ghcr.io/token");
        assertThat(challenge.parameter("service")).isEqualTo("ghcr.io");
    }

    @Test
    void prefersBearerOverBasicAmongSeveralChallenges() {
        assertThat(AuthChallenge.select(List.of("Basic realm=\"x\"", "Bearer realm=\"https://a/token\""))
                        .isBearer())
                .isTrue();
        assertThat(AuthChallenge.select(List.of("Basic realm=\"x\"")).isBasic()).isTrue();
        assertThat(AuthChallenge.select(List.of())).isNull();
    }
}
