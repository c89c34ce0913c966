package io.pluginplatform.plugin.endpoint;

import io.pluginplatform.common.testsupport.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Many callers at once: a fixed pool with one thread per caller, all released together by a latch, so that the calls
 * really race. The answers come back in caller order.
 */
final class ConcurrentCallers implements AutoCloseable {

    private final ExecutorService pool;
    private final List<Future<Api.Response>> answers = new ArrayList<>();

    private ConcurrentCallers(int callers) {
        this.pool = Executors.newFixedThreadPool(callers);
    }

    /** Starts {@code callers} calls together; caller {@code i} makes {@code call.apply(i)}. */
    static ConcurrentCallers start(int callers, IntFunction<Api.Response> call) throws InterruptedException {
        ConcurrentCallers started = new ConcurrentCallers(callers);
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < callers; i++) {
            int caller = i;
            started.answers.add(started.pool.submit(() -> {
                ready.countDown();
                go.await();
                return call.apply(caller);
            }));
        }
        ready.await();
        go.countDown();
        return started;
    }

    /** Every caller's answer, waiting for those still outstanding. */
    List<Api.Response> answers() throws Exception {
        List<Api.Response> responses = new ArrayList<>();
        for (Future<Api.Response> answer : answers) {
            responses.add(answer.get());
        }
        return responses;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
