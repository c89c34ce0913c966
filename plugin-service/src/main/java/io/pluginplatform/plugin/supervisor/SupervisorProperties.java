package io.pluginplatform.plugin.supervisor;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.supervisor.*}.
 *
 * @param disconnectAfter a supervisor whose last publish is older is {@code DISCONNECTED} and never chosen
 * @param autoEnable a first publish creates the supervisor {@code ENABLED} rather than {@code PENDING}
 * @param requireSecretKey a first publish without {@code secret_key} is refused
 * @param disconnectJobPeriod how often the stored state of silent supervisors is brought up to date
 */
@ConfigurationProperties("platform.supervisor")
record SupervisorProperties(
        @DefaultValue("30s") Duration disconnectAfter,
        @DefaultValue("false") boolean autoEnable,
        @DefaultValue("true") boolean requireSecretKey,
        @DefaultValue("5s") Duration disconnectJobPeriod) {

    SupervisorProperties {
        if (disconnectAfter.isNegative() || disconnectAfter.isZero()) {
            throw new IllegalArgumentException("platform.supervisor.disconnect-after must be positive");
        }
        if (disconnectJobPeriod.isNegative() || disconnectJobPeriod.isZero()) {
            throw new IllegalArgumentException("platform.supervisor.disconnect-job-period must be positive");
        }
    }
}
