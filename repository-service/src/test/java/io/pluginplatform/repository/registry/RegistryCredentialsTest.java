package io.pluginplatform.repository.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryCredentialsTest {

    @Test
    void neverShowsItsSecrets() {
        RegistryCredentials credentials = new RegistryCredentials("alice", "s3cret-password", "s3cret-token", false);

        assertThat(credentials.toString())
                .doesNotContain("alice")
                .doesNotContain("s3cret-password")
                .doesNotContain("s3cret-token");
    }

    @Test
    void readsARegistryConfiguration() {
        RegistryCredentials credentials = RegistryCredentials.fromConfig(
                Map.of("username", "alice", "password", "pw", "insecure", true, "image_pull_secret", "x"));

        assertThat(credentials).isEqualTo(new RegistryCredentials("alice", "pw", null, true));
        assertThat(RegistryCredentials.fromConfig(Map.of("token", "t", "insecure", "true")))
                .isEqualTo(new RegistryCredentials(null, null, "t", true));
        assertThat(RegistryCredentials.fromConfig(null)).isEqualTo(RegistryCredentials.anonymous());
    }
}
