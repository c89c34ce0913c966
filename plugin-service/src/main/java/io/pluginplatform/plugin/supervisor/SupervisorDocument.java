package io.pluginplatform.plugin.supervisor;

import io.pluginplatform.common.api.plugin.AgentInfo;
import io.pluginplatform.common.api.plugin.SupervisorState;
import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A supervisor as stored, field names in snake_case. {@code admin_state} is what administrators set; {@code state} is
 * what filters and stats read, kept current by publish and the disconnect job. {@code reconciled_report} fingerprints
 * the last agent report whose reconciliation completed, with the desired revision it was applied at. Every write is a
 * targeted update of the fields it changes, so that concurrent writers never lose each other's fields.
 */
@Document(SupervisorDocument.COLLECTION)
record SupervisorDocument(
        @Id String id,
        String supervisorId,
        String domainId,
        String hostname,
        String name,
        SupervisorState adminState,
        SupervisorState state,
        Boolean isPublic,
        Integer priority,
        Map<String, Object> labels,
        Map<String, Object> tags,
        AgentInfo agent,
        String secretHash,
        Instant lastSeenAt,
        Long desiredRevision,
        String reconciledReport,
        Instant createdAt,
        Instant updatedAt) {

    static final String COLLECTION = "supervisors";

    static final String SUPERVISOR_ID = "supervisor_id";
    static final String DOMAIN_ID = "domain_id";
    static final String HOSTNAME = "hostname";
    static final String NAME = "name";
    static final String ADMIN_STATE = "admin_state";
    static final String STATE = "state";
    static final String IS_PUBLIC = "is_public";
    static final String PRIORITY = "priority";
    static final String LABELS = "labels";
    static final String TAGS = "tags";
    static final String AGENT = "agent";
    static final String SECRET_HASH = "secret_hash";
    static final String LAST_SEEN_AT = "last_seen_at";
    static final String DESIRED_REVISION = "desired_revision";
    static final String RECONCILED_REPORT = "reconciled_report";
    static final String UPDATED_AT = "updated_at";

    static final int DEFAULT_PRIORITY = 50;
}
