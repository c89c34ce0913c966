package io.pluginplatform.plugin.housekeeping;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.housekeeping.*}.
 *
 * @param idleReclaimAfter an installation nobody asked for this long is deleted (its agent then removes it)
 * @param idleReclaimPeriod how often idle installations are looked for
 * @param rescheduleAfter a supervisor silent this long loses its installations in the database
 * @param reschedulePeriod how often long-silent supervisors are looked for
 * @param batch the most installations one run deletes
 */
@ConfigurationProperties("platform.housekeeping")
record HousekeepingProperties(
        @DefaultValue("3d") Duration idleReclaimAfter,
        @DefaultValue("1h") Duration idleReclaimPeriod,
        @DefaultValue("1h") Duration rescheduleAfter,
        @DefaultValue("5m") Duration reschedulePeriod,
        @DefaultValue("500") int batch) {}
