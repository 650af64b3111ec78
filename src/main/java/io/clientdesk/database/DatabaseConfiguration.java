package io.clientdesk.database;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	/**
	 * The database in use, told once from the URL that the DataSource's connections
	 * report (whatever the DataSource is wrapped in).
	 */
	@Bean
	Database database(DataSource dataSource) throws MetaDataAccessException {
		return Database.ofJdbcUrl(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL));
	}

}
