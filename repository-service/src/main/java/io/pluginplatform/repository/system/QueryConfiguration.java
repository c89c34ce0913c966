package io.pluginplatform.repository.system;

import io.pluginplatform.common.query.QueryRunner;
import io.pluginplatform.common.query.QueryTranslator;
import io.pluginplatform.common.query.StatisticsTranslator;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The query language of {@code common}, with this service's query time limit. */
@Configuration(proxyBeanMethods = false)
class QueryConfiguration {

    @Bean
    QueryTranslator queryTranslator(Clock clock, @Value("${platform.query.max-time:5s}") Duration maxTime) {
        return new QueryTranslator(clock, maxTime);
    }

    @Bean
    StatisticsTranslator statisticsTranslator(Clock clock, @Value("${platform.query.max-time:5s}") Duration maxTime) {
        return new StatisticsTranslator(clock, maxTime);
    }

    @Bean
    QueryRunner queryRunner(MongoTemplate mongo) {
        return new QueryRunner(mongo);
    }
}
