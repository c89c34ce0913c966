package io.pluginplatform.plugin.housekeeping;

import io.pluginplatform.common.time.Timestamps;
import io.pluginplatform.plugin.installation.InstalledPlugins;
import io.pluginplatform.plugin.supervisor.SupervisorService;
import io.pluginplatform.plugin.system.Leases;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The housekeeping jobs of plugin-service.md §7, each under a lease so that one instance runs it at a time, in UTC.
 *
 * <ul>
 *   <li>idle reclaim: installations not requested for {@code idle-reclaim-after} are deleted;
 *   <li>reschedule: a supervisor silent for longer than {@code reschedule-after} loses its installations. This is
 *       clean-up only — callers are already served elsewhere, since eligibility excludes stale supervisors — so it is
 *       conservative: never within two {@code reschedule-after} periods of this instance's start (after an outage of
 *       plugin-service or its database every supervisor looks stale), and at most {@code batch} per run.
 * </ul>
 *
 * Every supervisor that lost installations gets a new desired revision, which tells its agent to remove them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HousekeepingProperties.class)
class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final InstalledPlugins installations;
    private final SupervisorService supervisors;
    private final Leases leases;
    private final HousekeepingProperties properties;
    private final Clock clock;
    private final Instant started;

    Housekeeping(
            InstalledPlugins installations,
            SupervisorService supervisors,
            Leases leases,
            HousekeepingProperties properties,
            Clock clock) {
        this.installations = installations;
        this.supervisors = supervisors;
        this.leases = leases;
        this.properties = properties;
        this.clock = clock;
        this.started = Timestamps.now(clock);
    }

    @Scheduled(
            initialDelayString = "${platform.housekeeping.idle-reclaim-period:1h}",
            fixedDelayString = "${platform.housekeeping.idle-reclaim-period:1h}")
    void reclaimIdle() {
        run("idle-reclaim", properties.idleReclaimPeriod().multipliedBy(3), () -> {
            Instant cutoff = Timestamps.now(clock).minus(properties.idleReclaimAfter());
            return installations.deleteIdle(cutoff, properties.batch());
        });
    }

    @Scheduled(
            initialDelayString = "${platform.housekeeping.reschedule-period:5m}",
            fixedDelayString = "${platform.housekeeping.reschedule-period:5m}")
    void reschedule() {
        Instant now = Timestamps.now(clock);
        if (now.isBefore(started.plus(properties.rescheduleAfter().multipliedBy(2)))) {
            return;
        }
        run("reschedule", properties.reschedulePeriod().multipliedBy(3), () -> {
            List<String> silent = supervisors.silentSince(now.minus(properties.rescheduleAfter()));
            return installations.deleteOn(silent, properties.batch());
        });
    }

    private interface Job {
        Set<String> run();
    }

    private void run(String name, java.time.Duration leaseTtl, Job job) {
        try {
            if (!leases.acquire("housekeeping-" + name, leaseTtl)) {
                return;
            }
            Set<String> changed = job.run();
            changed.forEach(supervisors::desiredPluginsChanged);
            if (!changed.isEmpty()) {
                log.info("Housekeeping {} changed the desired plugins of {} supervisors", name, changed.size());
            }
        } catch (RuntimeException e) {
            // the next period tries again; a database outage must not stop the schedule
            log.warn("Housekeeping {} failed: {}", name, e.toString());
        }
    }
}
