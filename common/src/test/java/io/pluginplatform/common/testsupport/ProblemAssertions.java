package io.pluginplatform.common.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What every answer to a malformed request must be: a 4xx problem detail with a code and a request id, no leaks. */
public final class ProblemAssertions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Text that would betray a stack trace, a class name or a database message in an answer. */
    public static final List<String> LEAKS = List.of(
            "java.",
            "javax.",
            "jakarta.",
            "tools.jackson",
            "com.fasterxml",
            "org.springframework",
            "org.apache",
            "Exception",
            "\tat ",
            "mongo",
            "Mongo",
            "bson",
            "BSON",
            "E11000",
            "de.bwaldvogel",
            "io.pluginplatform");

    private ProblemAssertions() {}

    /** The answer is a 4xx problem+json; the status, code and mentioned text the case expects, when it names them. */
    public static void assertProblem(BadRequest request, RawClient.Answer response) {
        String answer = response.status() + " " + abbreviate(response.body()) + " to " + request;
        assertThat(response.status()).as("status of " + answer).isBetween(400, 499);
        if (request.status() != null) {
            assertThat(response.status()).as("status of " + answer).isEqualTo(request.status());
        }
        assertThat(response.header("Content-Type"))
                .as("content type of " + answer)
                .startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.isObject()).as("problem object in " + answer).isTrue();
        assertThat(problem.path("status").asInt())
                .as("status member of " + answer)
                .isEqualTo(response.status());
        assertThat(problem.path("code").asString()).as("code of " + answer).isNotBlank();
        assertThat(problem.path("request_id").asString())
                .as("request_id of " + answer)
                .isNotBlank()
                .isEqualTo(response.header("X-Request-Id"));
        if (request.code() != null) {
            assertThat(problem.path("code").asString()).as("code of " + answer).isEqualTo(request.code());
        }
        if (request.mentions() != null) {
            assertThat(response.body()).as("offending field in " + answer).contains(request.mentions());
        }
        assertThat(response.body()).as("leaks in " + answer).doesNotContain(LEAKS);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 600 ? text : text.substring(0, 600) + "...";
    }
}
