package io.clientdesk.database;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Names the database in use at start, so that nobody wonders where the data went.
 */
@Component
class StartupLog implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(StartupLog.class);

	private final DataSource dataSource;

	StartupLog(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void run(ApplicationArguments args) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			log.info("Database: {} {} at {}", meta.getDatabaseProductName(), meta.getDatabaseProductVersion(),
					meta.getURL());
		}
	}

}
