package io.pluginplatform.repository.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.api.repository.RegistryType;
import io.pluginplatform.common.testsupport.LocalRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the real OCI registry on 127.0.0.1:5000 (skipped without one, failing when {@code CI=true}). */
class LocalRegistryTagsTest {

    private final RegistryProperties properties = RegistryProperties.defaults();
    private final RegistryVersions versions = new RegistryConfiguration().registryVersions(properties);

    @BeforeEach
    void requireTheRegistry() {
        LocalRegistry.assumeAvailable();
    }

    @Test
    void listsTagsPushedOutOfOrderNewestFirst() {
        String repository = LocalRegistry.uniqueRepository("versions");
        LocalRegistry.pushImage(
                repository,
                "1.2.1",
                "latest",
                "1.2.1.20220422.161421",
                "1.2.2",
                "1.3.0-rc.1",
                "1.2.1.20220411.113807",
                "1.2.1.20220429.104002");

        assertThat(versions.versions(RegistryType.OCI, LocalRegistry.address(), repository, null))
                .containsExactly(
                        "1.3.0-rc.1",
                        "1.2.2",
                        "1.2.1.20220429.104002",
                        "1.2.1.20220422.161421",
                        "1.2.1.20220411.113807",
                        "1.2.1",
                        "latest");
    }

    @Test
    void readsEveryTagOfAnImageWithMoreTagsThanOnePage() {
        String repository = LocalRegistry.uniqueRepository("many-tags");
        List<String> tags = new ArrayList<>();
        for (int patch = 0; patch < 120; patch++) {
            tags.add("1.0." + patch);
        }
        Collections.shuffle(tags);
        LocalRegistry.pushImage(repository, tags.toArray(String[]::new));

        List<String> read = versions.versions(RegistryType.OCI, LocalRegistry.address(), repository, null);

        assertThat(read).hasSize(120).containsExactlyInAnyOrderElementsOf(tags);
        assertThat(read.get(0)).isEqualTo("1.0.119");
        assertThat(read.get(119)).isEqualTo("1.0.0");
    }

    @Test
    void findsNoTagsForAnImageThatWasNeverPushed() {
        assertThat(versions.versions(
                        RegistryType.OCI, LocalRegistry.address(), LocalRegistry.uniqueRepository("missing"), null))
                .isEmpty();
    }

    @Test
    void readsADockerHubImageFromTheLocalRegistryAsItsMirror() {
        String repository = LocalRegistry.uniqueRepository("library", "hello");
        LocalRegistry.pushImage(repository, "1.0.0", "1.1.0");
        RegistryProperties mirrored = new RegistryProperties(
                null,
                null,
                2,
                null,
                null,
                null,
                null,
                100,
                java.util.Map.of("registry.hub.docker.com", LocalRegistry.address()));

        List<String> read = new RegistryConfiguration()
                .registryVersions(mirrored)
                .versions(RegistryType.DOCKER_HUB, null, repository.substring("library/".length()), null);

        assertThat(read).containsExactly("1.1.0", "1.0.0");
    }
}
