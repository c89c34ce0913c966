package io.pluginplatform.plugin.endpoint;

import io.pluginplatform.plugin.installation.InstallationChanged;
import io.pluginplatform.plugin.installation.InstalledPluginDocument;
import io.pluginplatform.plugin.installation.InstalledPlugins;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Callers waiting for an installation to become usable, as callbacks (no thread is held). A change applied on this
 * instance (a publish, a failure report) wakes them at once through {@link InstallationChanged}; a change applied by
 * another instance is seen by reading the waited-on installations once every poll interval, in one query.
 */
@Component
class InstallationWaiters {

    private static final Logger log = LoggerFactory.getLogger(InstallationWaiters.class);

    /**
     * One waiting caller: given the installation as it is now (null when it is gone), answers true when the caller is
     * done (answered or failed) and no longer waits.
     */
    interface Waiter extends Predicate<InstalledPluginDocument> {}

    private final Map<String, Set<Waiter>> waiting = new ConcurrentHashMap<>();
    private final InstalledPlugins installations;

    InstallationWaiters(InstalledPlugins installations) {
        this.installations = installations;
    }

    /** Waits on the installation; checks it once at once, so that a change just before the wait is not missed. */
    Runnable await(String installationId, Waiter waiter) {
        waiting.compute(installationId, (id, set) -> {
            Set<Waiter> waiters = set != null ? set : ConcurrentHashMap.newKeySet();
            waiters.add(waiter);
            return waiters;
        });
        offer(installationId, installations.byId(installationId));
        return () -> remove(installationId, waiter);
    }

    int waiting() {
        return waiting.values().stream().mapToInt(Set::size).sum();
    }

    @EventListener
    void onChange(InstallationChanged change) {
        if (waiting.containsKey(change.installationId())) {
            offer(change.installationId(), installations.byId(change.installationId()));
        }
    }

    @Scheduled(
            initialDelayString = "${platform.endpoint.poll-interval:1s}",
            fixedDelayString = "${platform.endpoint.poll-interval:1s}")
    void poll() {
        if (waiting.isEmpty()) {
            return;
        }
        try {
            List<InstalledPluginDocument> current = installations.byIds(List.copyOf(waiting.keySet()));
            Map<String, InstalledPluginDocument> byId = new ConcurrentHashMap<>();
            current.forEach(installation -> byId.put(installation.id(), installation));
            for (String id : List.copyOf(waiting.keySet())) {
                offer(id, byId.get(id));
            }
        } catch (RuntimeException e) {
            // the next poll tries again; the callers' own timeouts bound their wait
            log.warn("Checking the installations callers wait for failed: {}", e.toString());
        }
    }

    private void offer(String installationId, InstalledPluginDocument installation) {
        Set<Waiter> waiters = waiting.get(installationId);
        if (waiters == null) {
            return;
        }
        for (Waiter waiter : waiters) {
            if (waiter.test(installation)) {
                remove(installationId, waiter);
            }
        }
    }

    private void remove(String installationId, Waiter waiter) {
        waiting.computeIfPresent(installationId, (id, set) -> {
            set.remove(waiter);
            return set.isEmpty() ? null : set;
        });
    }
}
