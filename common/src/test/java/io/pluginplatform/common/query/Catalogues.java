package io.pluginplatform.common.query;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The fixtures the query tests share: a plugin-like catalogue and a fixed clock. */
final class Catalogues {

    /** Wednesday 15 May 2024, 10:30 UTC. */
    static final Instant NOW = Instant.parse("2024-05-15T10:30:00Z");

    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final FieldCatalogue PLUGINS = FieldCatalogue.builder()
            .field("plugin_id", FieldType.STRING)
            .field("name", FieldType.STRING)
            .field("state", FieldType.STRING)
            .field("provider", FieldType.STRING)
            .field("service_type", FieldType.STRING)
            .field("image", FieldType.STRING)
            .field("registry_type", FieldType.STRING)
            .field("labels", FieldType.STRING_LIST)
            .field("tags", FieldType.MAP)
            .field("capability", FieldType.MAP)
            .field("endpoints", FieldType.OBJECT_LIST)
            .field("size", FieldType.NUMBER)
            .field("enabled", FieldType.BOOLEAN)
            .field("created_at", FieldType.DATETIME)
            .field("updated_at", FieldType.DATETIME)
            .keywordFields("plugin_id", "name", "provider", "service_type", "labels")
            .minimalFields("plugin_id", "name", "state", "image", "registry_type", "service_type", "provider")
            .build();

    private Catalogues() {}

    /** Asserts that {@code call} fails with a platform error of {@code code}. */
    static void assertRejected(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        PlatformException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.code())
                                .isEqualTo(code));
    }
}
