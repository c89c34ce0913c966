package io.pluginplatform.common.store;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when neither {@code spring.mongodb.uri} nor {@code MONGODB_URI} names a real MongoDB. */
class NoMongoUriCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String uri = context.getEnvironment().getProperty("spring.mongodb.uri");
        return uri == null || uri.isBlank();
    }
}
