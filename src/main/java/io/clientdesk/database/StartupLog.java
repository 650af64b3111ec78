package io.clientdesk.database;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.regex.Pattern;
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

	/** The user and password before the host: {@code //user:secret@host}. */
	private static final Pattern USER_INFO = Pattern.compile("(?<=//)[^/?#]*@");

	/**
	 * A parameter that holds a secret, in a query ({@code ?password=…&sslpassword=…}) or
	 * in H2's settings ({@code ;PASSWORD=…}): its name and the value.
	 */
	private static final Pattern SECRET_PARAMETER = Pattern
		.compile("(?i)([?&;][^=&;?#]*(?:password|passwd|pwd|secret)[^=&;?#]*=)[^&;#]*");

	private final DataSource dataSource;

	StartupLog(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void run(ApplicationArguments args) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			log.info("Database: {} {} at {}", meta.getDatabaseProductName(), meta.getDatabaseProductVersion(),
					withoutCredentials(meta.getURL()));
		}
	}

	/**
	 * The URL as it may be logged: a datasource URL may carry the database's password,
	 * and logs are read by more people than the settings.
	 */
	static String withoutCredentials(String url) {
		String withoutUser = USER_INFO.matcher(url).replaceFirst("");
		return SECRET_PARAMETER.matcher(withoutUser).replaceAll("$1***");
	}

}
