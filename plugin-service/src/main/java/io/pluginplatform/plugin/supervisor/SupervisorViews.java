package io.pluginplatform.plugin.supervisor;

import io.pluginplatform.common.api.plugin.SupervisorInfo;
import io.pluginplatform.common.api.plugin.SupervisorState;
import io.pluginplatform.common.error.PlatformException;
import io.pluginplatform.common.time.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Turns stored supervisors into what the API answers: the state as of now, never the secret, fields selected. */
final class SupervisorViews {

    static final Set<String> FIELDS = Set.of(
            "supervisor_id",
            "name",
            "hostname",
            "state",
            "is_public",
            "priority",
            "labels",
            "tags",
            "agent",
            "domain_id",
            "last_seen_at",
            "created_at",
            "updated_at");

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private SupervisorViews() {}

    /** The state answered: {@code DISCONNECTED} when the last publish is older than {@code disconnectAfter}. */
    static SupervisorState state(SupervisorDocument supervisor, Instant now, Duration disconnectAfter) {
        if (supervisor.adminState() == null) {
            return supervisor.state();
        }
        if (supervisor.lastSeenAt() == null
                || supervisor.lastSeenAt().plus(disconnectAfter).isBefore(now)) {
            return SupervisorState.DISCONNECTED;
        }
        return supervisor.adminState();
    }

    static SupervisorInfo info(SupervisorDocument supervisor, Instant now, Duration disconnectAfter) {
        return new SupervisorInfo(
                supervisor.supervisorId(),
                supervisor.name(),
                supervisor.hostname(),
                state(supervisor, now, disconnectAfter),
                supervisor.isPublic(),
                supervisor.priority(),
                supervisor.labels(),
                supervisor.tags(),
                supervisor.agent(),
                supervisor.domainId(),
                format(supervisor.lastSeenAt()),
                format(supervisor.createdAt()),
                format(supervisor.updatedAt()),
                null);
    }

    static List<String> checkOnly(List<String> only) {
        if (only == null || only.isEmpty()) {
            return null;
        }
        for (String field : only) {
            if (field == null || !FIELDS.contains(field)) {
                throw PlatformException.invalid("only", "unknown field " + field);
            }
        }
        return only;
    }

    /** The supervisor with only the named fields ({@code null} keeps all). */
    static Object only(SupervisorInfo info, List<String> only, ObjectMapper json) {
        if (only == null) {
            return info;
        }
        Map<String, Object> all = json.convertValue(info, MAP);
        Map<String, Object> kept = new LinkedHashMap<>();
        for (String field : only) {
            if (all.containsKey(field)) {
                kept.put(field, all.get(field));
            }
        }
        return kept;
    }

    private static String format(Instant instant) {
        return instant == null ? null : Timestamps.format(instant);
    }
}
