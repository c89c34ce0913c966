package io.pluginplatform.repository.registry;

import java.time.Duration;

/** Waits between retries; replaced in tests so that they record the waits instead of sleeping. */
@FunctionalInterface
interface Sleeper {

    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
