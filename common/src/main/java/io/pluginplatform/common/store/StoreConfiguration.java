package io.pluginplatform.common.store;

import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The storage every service imports: the embedded store when no {@code MONGODB_URI} is set, and a health indicator
 * that works against it and against real MongoDB alike.
 */
@Configuration(proxyBeanMethods = false)
@Import(EmbeddedStoreConfiguration.class)
public class StoreConfiguration {

    /** Named like Boot's own MongoDB indicator, which then backs off; it reports as {@code mongo}. */
    @Bean
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new StoreHealthIndicator(mongo);
    }
}
