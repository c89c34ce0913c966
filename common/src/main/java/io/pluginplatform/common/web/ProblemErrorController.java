package io.pluginplatform.common.web;

import io.pluginplatform.common.error.PlatformException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error path as a problem detail. Requests that never reach a handler are answered here: a path the
 * security firewall refuses ({@code %2e%2e}, {@code ;}, {@code //}, encoded CR LF), an exception thrown by a filter, a
 * {@code sendError} from anywhere. Replaces Spring Boot's default error controller, whose JSON has no code and no
 * request id.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private final ProblemWriter problems;

    public ProblemErrorController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<Problem> error(HttpServletRequest request) {
        PlatformException cause =
                ProblemAdvice.platformCause((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        if (cause != null) {
            return problems.entity(request, cause);
        }
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer value ? value : 500;
        return problems.entity(request, ProblemWriter.forStatus(request, code));
    }
}
