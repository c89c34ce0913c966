package io.pluginplatform.plugin.supervisor;

import io.pluginplatform.plugin.system.Leases;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the stored state of silent supervisors current for filters and stats, on one instance at a time (a lease).
 * Selection never reads the stored state: it checks {@code last_seen_at} itself.
 */
@Component
class DisconnectJob {

    private static final Logger log = LoggerFactory.getLogger(DisconnectJob.class);
    static final String LEASE = "supervisor-disconnect";

    private final SupervisorService supervisors;
    private final Leases leases;
    private final Duration leaseTtl;

    DisconnectJob(SupervisorService supervisors, Leases leases, SupervisorProperties properties) {
        this.supervisors = supervisors;
        this.leases = leases;
        // held across a few periods, so that the holder keeps it while it runs and another takes over when it stops
        this.leaseTtl = properties.disconnectJobPeriod().multipliedBy(3);
    }

    @Scheduled(
            initialDelayString = "${platform.supervisor.disconnect-job-period:5s}",
            fixedDelayString = "${platform.supervisor.disconnect-job-period:5s}")
    void run() {
        try {
            if (leases.acquire(LEASE, leaseTtl)) {
                long marked = supervisors.markDisconnected();
                if (marked > 0) {
                    log.info("{} supervisors stopped publishing and are now DISCONNECTED", marked);
                }
            }
        } catch (RuntimeException e) {
            // the next period tries again; a database outage must not stop the schedule
            log.warn("The disconnect job failed: {}", e.toString());
        }
    }
}
