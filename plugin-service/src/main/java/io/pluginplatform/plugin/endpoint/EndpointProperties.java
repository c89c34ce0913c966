package io.pluginplatform.plugin.endpoint;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.endpoint.*}.
 *
 * @param defaultTimeout how long a caller waits for a starting plugin when it names no {@code timeout_seconds}
 * @param failureThreshold failure reports within {@code failureWindow} that start a new generation
 * @param errorAfterRecovery crossing the threshold again this soon after a recovery makes the installation ERROR
 * @param eligibilityCacheTtl how stale the cached list of eligible supervisors may be (a disabled supervisor stops
 *     being served within this time on every instance)
 * @param calledAtInterval how often {@code endpoint_called_at} is written per installation and domain at most
 * @param pollInterval how often waiting callers check installations changed by another instance
 */
@ConfigurationProperties("platform.endpoint")
record EndpointProperties(
        @DefaultValue("60s") Duration defaultTimeout,
        @DefaultValue("3") int failureThreshold,
        @DefaultValue("60s") Duration failureWindow,
        @DefaultValue("10m") Duration errorAfterRecovery,
        @DefaultValue("1s") Duration eligibilityCacheTtl,
        @DefaultValue("1m") Duration calledAtInterval,
        @DefaultValue("1s") Duration pollInterval) {}
