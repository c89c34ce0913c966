package io.pluginplatform.common.query;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The query language's beans for a service that imports it: translators with the query time limit
 * ({@code platform.query.max-time}) and the runner. Needs a {@link Clock} bean.
 */
@Configuration(proxyBeanMethods = false)
public class QueryConfiguration {

    @Bean
    QueryTranslator queryTranslator(Clock clock, @Value("${platform.query.max-time:5s}") Duration maxTime) {
        return new QueryTranslator(clock, maxTime);
    }

    @Bean
    StatisticsTranslator statisticsTranslator(Clock clock, @Value("${platform.query.max-time:5s}") Duration maxTime) {
        return new StatisticsTranslator(clock, maxTime);
    }

    /**
     * The threads lists count on while they read their page. Bounded: when every thread is busy and the queue is full,
     * a list counts after its page on its own thread instead.
     */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolExecutor queryCountExecutor() {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        AtomicInteger number = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(16 * threads), task -> {
                    Thread thread = new Thread(task, "query-count-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    @Bean
    QueryRunner queryRunner(MongoTemplate mongo, ThreadPoolExecutor queryCountExecutor) {
        return new QueryRunner(mongo, queryCountExecutor);
    }
}
