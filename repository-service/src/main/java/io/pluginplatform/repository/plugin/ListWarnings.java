package io.pluginplatform.repository.plugin;

import java.util.ArrayList;
import java.util.List;

/** Remote repositories left out of a list answer; the controller names them in a {@code Warning} header. */
public final class ListWarnings {

    private final List<String> unavailable = new ArrayList<>();

    void unavailable(String repositoryId) {
        unavailable.add(repositoryId);
    }

    public List<String> unavailableRepositories() {
        return List.copyOf(unavailable);
    }

    /** The RFC 9111 style warning value, or {@code null} when nothing was left out. */
    public String headerValue() {
        if (unavailable.isEmpty()) {
            return null;
        }
        return "199 repository-service \"Unavailable repositories left out: " + String.join(", ", unavailable) + "\"";
    }
}
