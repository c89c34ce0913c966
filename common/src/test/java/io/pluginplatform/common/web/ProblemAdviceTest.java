package io.pluginplatform.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.error.PlatformException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import tools.jackson.databind.json.JsonMapper;

class ProblemAdviceTest {

    record Query(List<String> filter, Integer limit, Map<String, Object> tags, String name) {}

    private final JsonMapper json = JsonConfigurationTest.platformMapper();

    @Test
    void namesJsonTypesNeverJavaClasses() {
        assertThat(ProblemAdvice.jsonType(ArrayList.class)).isEqualTo("list");
        assertThat(ProblemAdvice.jsonType(String[].class)).isEqualTo("list");
        assertThat(ProblemAdvice.jsonType(Integer.class)).isEqualTo("integer");
        assertThat(ProblemAdvice.jsonType(long.class)).isEqualTo("integer");
        assertThat(ProblemAdvice.jsonType(Double.class)).isEqualTo("number");
        assertThat(ProblemAdvice.jsonType(Boolean.class)).isEqualTo("boolean");
        assertThat(ProblemAdvice.jsonType(String.class)).isEqualTo("string");
        assertThat(ProblemAdvice.jsonType(Thread.State.class)).isEqualTo("string");
        assertThat(ProblemAdvice.jsonType(Map.class)).isEqualTo("object");
        assertThat(ProblemAdvice.jsonType(Query.class)).isEqualTo("object");
        assertThat(ProblemAdvice.jsonType(null)).isEqualTo("value");
    }

    @Test
    void anObjectWhereAListBelongsIsReportedAsAWrongTypeInJsonWords() {
        PlatformException problem = unreadable("{\"filter\": {\"k\": \"name\"}}");

        assertThat(problem.getMessage()).contains("filter").contains("list").doesNotContainIgnoringCase("arraylist");
        assertThat(problem.violations())
                .singleElement()
                .satisfies(violation -> assertThat(violation.message()).isEqualTo("has the wrong type, expected list"));
    }

    @Test
    void textWhereANumberBelongsIsReportedInJsonWords() {
        PlatformException problem = unreadable("{\"limit\": \"many\"}");

        assertThat(problem.getMessage()).contains("limit").contains("integer").doesNotContain("Integer");
    }

    private PlatformException unreadable(String body) {
        HttpInputMessage input = new MockHttpInputMessage(body.getBytes());
        try {
            json.readValue(body, Query.class);
        } catch (RuntimeException e) {
            return ProblemAdvice.fromUnreadableBody(new HttpMessageNotReadableException("unreadable", e, input));
        }
        throw new AssertionError("the body was read: " + body);
    }
}
