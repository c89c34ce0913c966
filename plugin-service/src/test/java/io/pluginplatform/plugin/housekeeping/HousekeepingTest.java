package io.pluginplatform.plugin.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pluginplatform.plugin.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

/** Idle reclaim and the clean-up after long-silent supervisors, run directly (their schedules are hours here). */
@TestPropertySource(properties = "platform.housekeeping.reschedule-after=1s")
class HousekeepingTest extends IntegrationTest {

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private Housekeeping housekeeping;

    private String supervisor(Instant lastSeen) {
        String id =
                "supervisor-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        mongo.insert(
                new Document("supervisor_id", id)
                        .append("domain_id", "domain-housekeeping")
                        .append("hostname", id)
                        .append("name", id)
                        .append("admin_state", "ENABLED")
                        .append("state", "ENABLED")
                        .append("last_seen_at", Date.from(lastSeen))
                        .append("desired_revision", 0L),
                "supervisors");
        return id;
    }

    private String install(String supervisorId, Instant calledAt, Instant createdAt) {
        String pluginId = "plugin-" + UUID.randomUUID().toString().substring(0, 8);
        Document installation = new Document("supervisor_id", supervisorId)
                .append("domain_id", "domain-housekeeping")
                .append("plugin_key", "managed/" + pluginId)
                .append("plugin_id", pluginId)
                .append("version", "1.0.0")
                .append("state", "ACTIVE")
                .append("generation", 0L)
                .append("created_at", Date.from(createdAt));
        if (calledAt != null) {
            installation.append("endpoint_called_at", Date.from(calledAt));
        }
        mongo.insert(installation, "installed_plugins");
        return pluginId;
    }

    private boolean installed(String pluginId) {
        return mongo.exists(new Query(Criteria.where("plugin_id").is(pluginId)), "installed_plugins");
    }

    private long revision(String supervisorId) {
        Document supervisor = mongo.findOne(
                new Query(Criteria.where("supervisor_id").is(supervisorId)), Document.class, "supervisors");
        return ((Number) supervisor.get("desired_revision")).longValue();
    }

    @Test
    void installationsNobodyAskedForInThreeDaysAreReclaimedAndTheAgentIsTold() {
        Instant now = Instant.now();
        String supervisor = supervisor(now);
        String idle = install(supervisor, now.minus(Duration.ofDays(4)), now.minus(Duration.ofDays(10)));
        String neverCalled = install(supervisor, null, now.minus(Duration.ofDays(5)));
        String used = install(supervisor, now.minus(Duration.ofHours(1)), now.minus(Duration.ofDays(10)));
        String young = install(supervisor, null, now.minus(Duration.ofHours(2)));

        housekeeping.reclaimIdle();

        assertThat(installed(idle)).isFalse();
        assertThat(installed(neverCalled)).isFalse();
        assertThat(installed(used)).isTrue();
        assertThat(installed(young)).isTrue();
        assertThat(revision(supervisor)).isEqualTo(1);
    }

    @Test
    void aLongSilentSupervisorLosesItsInstallationsOnceTheServiceHasRunLongEnough() {
        Instant now = Instant.now();
        String silent = supervisor(now.minus(Duration.ofHours(2)));
        String alive = supervisor(now.plus(Duration.ofMinutes(5)));
        String onSilent = install(silent, now, now);
        String onAlive = install(alive, now, now);

        // never within two reschedule-after periods (2 s here) of the start: then it runs
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    housekeeping.reschedule();
                    return !installed(onSilent);
                });

        assertThat(installed(onAlive)).isTrue();
        assertThat(revision(silent)).isEqualTo(1);
    }
}
