package io.pluginplatform.repository.registry;

import java.util.List;
import org.springframework.http.HttpHeaders;

/** A registry's answer, read whole: status, headers and body text. */
record RegistryResponse(int status, HttpHeaders headers, String body) {

    String header(String name) {
        return headers.getFirst(name);
    }

    List<String> headers(String name) {
        return headers.getOrEmpty(name);
    }

    boolean isOk() {
        return status >= 200 && status < 300;
    }
}
