package io.pluginplatform.repository.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryEndpointTest {

    @ParameterizedTest
    @ValueSource(strings = {"registry.hub.docker.com", "ghcr.io", "harbor.example.com:8443", "127.0.0.2:5000"})
    void usesHttpsForEveryOtherHost(String registryUrl) {
        assertThat(RegistryEndpoint.of(registryUrl, false).resolve("/v2/").getScheme())
                .isEqualTo("https");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.1:5000", "localhost", "localhost:5000", "[::1]", "[::1]:5000"})
    void usesPlainHttpForTheLoopback(String registryUrl) {
        assertThat(RegistryEndpoint.of(registryUrl, false).resolve("/v2/").getScheme())
                .isEqualTo("http");
    }

    @Test
    void usesPlainHttpForAnInsecureRegistry() {
        assertThat(RegistryEndpoint.of("registry.internal:5000", true).resolve("/v2/"))
                .isEqualTo(URI.create("http://registry.internal:5000/v2/"));
    }

    @Test
    void ignoresAGivenSchemeAndTrailingSlash() {
        assertThat(RegistryEndpoint.of("http://Registry.Example.com/", false).resolve("/v2/"))
                .isEqualTo(URI.create("https://registry.example.com/v2/"));
    }

    @Test
    void followsLinksOnlyOnItsOwnHost() {
        RegistryEndpoint endpoint = RegistryEndpoint.of("127.0.0.1:5000", false);

        assertThat(endpoint.follow("/v2/a/tags/list?last=x&n=100"))
                .isEqualTo(URI.create("http://127.0.0.1:5000/v2/a/tags/list?last=x&n=100"));
        assertThat(endpoint.follow("https://elsewhere.example.com/v2/a/tags/list?last=x"))
                .isEqualTo(URI.create("http://127.0.0.1:5000/v2/a/tags/list?last=x"));
    }

    @Test
    void allowsATokenRealmOverPlainHttpOnlyForTheLoopbackOrAnInsecureRegistry() {
        RegistryEndpoint secure = RegistryEndpoint.of("registry.example.com", false);

        assertThat(secure.allows(URI.create("https://auth.example.com/token"))).isTrue();
        assertThat(secure.allows(URI.create("http://auth.example.com/token"))).isFalse();
        assertThat(secure.allows(URI.create("http://127.0.0.1:8080/token"))).isTrue();
        assertThat(RegistryEndpoint.of("registry.example.com", true)
                        .allows(URI.create("http://auth.example.com/token")))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"registry.example.com/path", "user@registry.example.com", "registry example", "a:b:c"})
    void rejectsRegistryUrlsThatAreNotAHostAndPort(String registryUrl) {
        assertThatExceptionOfType(PlatformException.class)
                .isThrownBy(() -> RegistryEndpoint.of(registryUrl, false))
                .extracting(PlatformException::code)
                .isEqualTo(ErrorCode.ERROR_INVALID_PARAMETER);
    }

    @Test
    void requiresARegistryUrl() {
        assertThatExceptionOfType(PlatformException.class)
                .isThrownBy(() -> RegistryEndpoint.of(" ", false))
                .extracting(PlatformException::code)
                .isEqualTo(ErrorCode.ERROR_REQUIRED_PARAMETER);
    }
}
