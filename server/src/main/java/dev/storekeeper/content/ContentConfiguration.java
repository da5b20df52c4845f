package dev.storekeeper.content;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the scheduler that publishes due blog posts. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ContentConfiguration {

}
