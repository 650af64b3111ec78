package io.clientdesk.database;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, lets the driver send a batch of inserts as multi-row statements
 * ({@code reWriteBatchedInserts}): an import's thousands of rows then cost a few round
 * trips. Measured in docs/performance.md. Told from the pool's configured URL, by the
 * same rule as the {@link Database} bean: the setting must be made before the pool opens
 * its first connection.
 */
@Component
class PostgresTuning implements BeanPostProcessor {

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null
				&& Database.ofJdbcUrl(dataSource.getJdbcUrl()) == Database.POSTGRESQL) {
			dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
		}
		return bean;
	}

}
