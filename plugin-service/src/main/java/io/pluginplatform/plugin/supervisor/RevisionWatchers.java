package io.pluginplatform.plugin.supervisor;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.function.ToLongFunction;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The agents waiting in list_plugins' long-poll for their supervisor's desired revision to move. A change made on this
 * instance wakes them at once (an event); a change made by another instance is seen by polling the revisions of the
 * watched supervisors once a second. Waiting holds no thread: a waiter is a callback.
 */
@Component
class RevisionWatchers {

    /** One waiting agent: the revision it has, and what to do when the revision differs. */
    private record Waiter(long revision, LongConsumer wake) {}

    private final Map<String, Set<Waiter>> waiting = new ConcurrentHashMap<>();
    private final ToLongFunction<String> currentRevision;

    RevisionWatchers(SupervisorService supervisors) {
        this.currentRevision = supervisors::desiredRevision;
    }

    /** Calls {@code wake} once the supervisor's revision differs from {@code revision}; returns a handle to cancel. */
    Runnable watch(String supervisorId, long revision, LongConsumer wake) {
        Waiter waiter = new Waiter(revision, wake);
        waiting.compute(supervisorId, (id, set) -> {
            Set<Waiter> waiters = set != null ? set : ConcurrentHashMap.newKeySet();
            waiters.add(waiter);
            return waiters;
        });
        long now = currentRevision.applyAsLong(supervisorId);
        if (now != revision) {
            wake(supervisorId, now);
        }
        return () -> remove(supervisorId, waiter);
    }

    @EventListener
    void onChange(DesiredPluginsChanged change) {
        wake(change.supervisorId(), change.revision());
    }

    /** Revisions moved by other instances. */
    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void poll() {
        for (String supervisorId : waiting.keySet()) {
            wake(supervisorId, currentRevision.applyAsLong(supervisorId));
        }
    }

    int waiting() {
        return waiting.values().stream().mapToInt(Set::size).sum();
    }

    private void wake(String supervisorId, long revision) {
        Set<Waiter> waiters = waiting.get(supervisorId);
        if (waiters == null) {
            return;
        }
        for (Waiter waiter : waiters) {
            if (waiter.revision() != revision && waiters.remove(waiter)) {
                waiter.wake().accept(revision);
            }
        }
        waiting.computeIfPresent(supervisorId, (id, set) -> set.isEmpty() ? null : set);
    }

    private void remove(String supervisorId, Waiter waiter) {
        waiting.computeIfPresent(supervisorId, (id, set) -> {
            set.remove(waiter);
            return set.isEmpty() ? null : set;
        });
    }

    static Duration timeout(Integer seconds) {
        return Duration.ofSeconds(seconds == null ? 30 : seconds);
    }
}
