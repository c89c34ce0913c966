package io.pluginplatform.common.query;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One condition of a filter: {@code {"key": k, "value": v, "operator": o}}, also written {@code {"k", "v", "o"}}. A
 * missing operator means {@code eq}; the value's shape depends on the operator (a list for {@code in}, an object for
 * {@code match}, a boolean for {@code exists}, ...).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(
        @JsonProperty("key") @JsonAlias("k") String key,
        @JsonProperty("value") @JsonAlias("v") Object value,
        @JsonProperty("operator") @JsonAlias("o") String operator) {

    public static Condition eq(String key, Object value) {
        return new Condition(key, value, "eq");
    }
}
