package io.pluginplatform.common.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;

/**
 * Tomcat's error report as a problem detail instead of an HTML page. Tomcat answers some requests before any filter or
 * servlet runs (an encoded NUL, slash or backslash in the path, a request line or headers over the size limit); this
 * valve renders those answers, and any other error response nothing has written a body for.
 */
class ProblemReportValve extends ErrorReportValve {

    private final ProblemWriter problems;

    ProblemReportValve(ProblemWriter problems) {
        this.problems = problems;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As Tomcat's own report: only an error nobody has answered yet (sendError, no body written) is rendered.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        // The request id filter never ran for a request the connector refused: give the answer its own id.
        String requestId = RequestIds.of(request);
        request.setAttribute(RequestIds.ATTRIBUTE, requestId);
        try {
            Problem problem = problems.problem(request, ProblemWriter.forStatus(request, status));
            response.setStatus(problem.status());
            response.setHeader(RequestIds.HEADER, requestId);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("utf-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(problems.json(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response was committed meanwhile: there is no one left to answer.
        }
    }
}
