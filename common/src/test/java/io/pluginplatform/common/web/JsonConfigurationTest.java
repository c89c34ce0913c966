package io.pluginplatform.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class JsonConfigurationTest {

    enum Colour {
        RED,
        GREEN
    }

    record Paint(String name, Colour colour) {}

    private final JsonMapper json = platformMapper();

    /** The mapper every service reads requests with. */
    static JsonMapper platformMapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new JsonConfiguration().platformJsonCustomizer().customize(builder);
        return builder.build();
    }

    @Test
    void readsAWellFormedRequest() {
        assertThat(json.readValue("{\"name\": \" red \", \"colour\": \"RED\"}", Paint.class))
                .isEqualTo(new Paint("red", Colour.RED));
    }

    @Test
    void rejectsAPropertyGivenTwiceInsteadOfLettingTheLastOneWin() {
        assertThatThrownBy(() -> json.readValue("{\"name\": \"a\", \"name\": \"b\"}", Paint.class))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void rejectsADuplicatePropertyInsideAFreeFormObject() {
        assertThatThrownBy(() -> json.readTree("{\"tags\": {\"a\": 1, \"a\": 2}}"))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void rejectsAnEnumGivenByItsIndex() {
        assertThatThrownBy(() -> json.readValue("{\"colour\": 1}", Paint.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"colour\": \"1\"}", Paint.class))
                .isInstanceOf(JacksonException.class);
    }
}
