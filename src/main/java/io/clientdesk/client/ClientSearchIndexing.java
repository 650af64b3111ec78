package io.clientdesk.client;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that write the search text ({@link ClientSearchIndexer}): their own few,
 * not the application's shared executor. There, each import that ended started an indexer
 * at once, up to 8 side by side: a burst of imports then took the pool's connections and
 * both cores away from the people using the list (measured with bench/load:
 * docs/performance.md), and kept exports and the bell waiting.
 */
@Configuration(proxyBeanMethods = false)
class ClientSearchIndexing {

	static final String EXECUTOR = "searchIndexerExecutor";

	/**
	 * Not a default candidate: Spring Boot's own executor stays (it backs off when
	 * another one is a candidate), and {@code @Async} without a name keeps using it.
	 */
	@Bean(name = EXECUTOR, defaultCandidate = false)
	ThreadPoolTaskExecutor searchIndexerExecutor(ClientProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(properties.searchIndexerThreads());
		executor.setMaxPoolSize(properties.searchIndexerThreads());
		executor.setThreadNamePrefix("search-index-");
		return executor;
	}

}
