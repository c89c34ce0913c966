package io.pluginplatform.common.api.plugin;

import java.util.Map;

/**
 * A supervisor as answered (seed 003 plus {@code priority}, {@code last_seen_at} and {@code agent}). The secret key is
 * never part of it. {@code desired_revision} is answered to publish only: it changes whenever the plugins this
 * supervisor must run change.
 */
public record SupervisorInfo(
        String supervisorId,
        String name,
        String hostname,
        SupervisorState state,
        Boolean isPublic,
        Integer priority,
        Map<String, Object> labels,
        Map<String, Object> tags,
        AgentInfo agent,
        String domainId,
        String lastSeenAt,
        String createdAt,
        String updatedAt,
        Long desiredRevision) {

    public SupervisorInfo withDesiredRevision(long revision) {
        return new SupervisorInfo(
                supervisorId,
                name,
                hostname,
                state,
                isPublic,
                priority,
                labels,
                tags,
                agent,
                domainId,
                lastSeenAt,
                createdAt,
                updatedAt,
                revision);
    }
}
