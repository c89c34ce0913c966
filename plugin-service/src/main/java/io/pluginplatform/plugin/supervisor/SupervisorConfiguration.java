package io.pluginplatform.plugin.supervisor;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code platform.supervisor.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SupervisorProperties.class)
class SupervisorConfiguration {}
