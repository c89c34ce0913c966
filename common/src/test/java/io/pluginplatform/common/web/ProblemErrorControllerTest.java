package io.pluginplatform.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluginplatform.common.error.ErrorCode;
import io.pluginplatform.common.error.PlatformException;
import jakarta.servlet.RequestDispatcher;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

class ProblemErrorControllerTest {

    private final ProblemWriter problems =
            new ProblemWriter(JsonMapper.builder().build());
    private final ProblemErrorController controller = new ProblemErrorController(problems);

    private static MockHttpServletRequest errorDispatch(int status, String originalPath) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, originalPath);
        request.setAttribute(RequestIds.ATTRIBUTE, "request-1");
        return request;
    }

    @Test
    void aRequestTheFirewallRefusedIsABadRequestProblemForTheOriginalPath() {
        ResponseEntity<Problem> answer = controller.error(errorDispatch(400, "/repository/v1/plugins/%2e%2e"));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().code()).isEqualTo(ErrorCode.ERROR_INVALID_PARAMETER.name());
        assertThat(answer.getBody().instance()).isEqualTo("/repository/v1/plugins/%2e%2e");
        assertThat(answer.getBody().requestId()).isEqualTo("request-1");
    }

    @Test
    void aPlatformExceptionThrownByAFilterKeepsItsOwnCode() {
        MockHttpServletRequest request = errorDispatch(500, "/repository/v1/plugins");
        request.setAttribute(
                RequestDispatcher.ERROR_EXCEPTION,
                new IllegalStateException(PlatformException.of(ErrorCode.ERROR_PAYLOAD_TOO_LARGE, "max_bytes", 1)));

        ResponseEntity<Problem> answer = controller.error(request);

        assertThat(answer.getStatusCode().value()).isEqualTo(413);
        assertThat(answer.getBody().code()).isEqualTo(ErrorCode.ERROR_PAYLOAD_TOO_LARGE.name());
    }

    @Test
    void anUnexplainedServerErrorIsAnUnknownErrorWithoutTheExceptionText() {
        MockHttpServletRequest request = errorDispatch(500, "/repository/v1/plugins");
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret database text"));

        ResponseEntity<Problem> answer = controller.error(request);

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().code()).isEqualTo(ErrorCode.ERROR_UNKNOWN.name());
        assertThat(answer.getBody().detail()).doesNotContain("secret");
    }

    @Test
    void statusesWithoutACodeOfTheirOwnBecomeBadRequests() {
        assertThat(ProblemWriter.forStatus(errorDispatch(431, "/x"), 431).code())
                .isEqualTo(ErrorCode.ERROR_INVALID_PARAMETER);
        assertThat(ProblemWriter.forStatus(errorDispatch(404, "/x"), 404).code())
                .isEqualTo(ErrorCode.ERROR_NOT_FOUND);
        assertThat(ProblemWriter.forStatus(errorDispatch(405, "/x"), 405).code())
                .isEqualTo(ErrorCode.ERROR_METHOD_NOT_ALLOWED);
    }

    @Test
    void aQueryStringTomcatCannotDecodeIsABadRequest() {
        ProblemAdvice advice = new ProblemAdvice(problems);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/repository/v1/plugins");

        ResponseEntity<Problem> answer =
                advice.invalidQueryString(request, new InvalidParameterException("invalid %ZZ"));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().code()).isEqualTo(ErrorCode.ERROR_INVALID_PARAMETER.name());
        assertThat(answer.getBody().detail()).contains("query_string");
    }
}
