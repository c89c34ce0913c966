package io.pluginplatform.plugin.supervisor;

import java.util.Map;

/**
 * A supervisor that may run a caller's plugin right now: administratively enabled, seen within
 * {@code disconnect-after}, the caller's own or public, carrying every requested label with an equal value.
 *
 * @param capacity the most plugins its agent accepts, {@code null} for no limit
 */
public record SupervisorCandidate(
        String supervisorId,
        String domainId,
        String name,
        int priority,
        Integer capacity,
        boolean isPublic,
        Map<String, Object> labels) {

    public boolean ownedBy(String domainId) {
        return this.domainId.equals(domainId);
    }
}
