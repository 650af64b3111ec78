package io.clientdesk;

import io.clientdesk.importing.LocalValidation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * ClientDesk: clients of a brokerage-style CRM and their bulk import from CSV.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
public class ClientDeskApplication {

	/**
	 * Starts the server; {@code validate FILE.csv} instead checks a file offline
	 * (everything that needs no database) and exits non-zero when it has problems.
	 */
	public static void main(String[] args) {
		if (args.length > 0 && "validate".equals(args[0])) {
			if (args.length != 2) {
				System.err.println("Usage: java -jar clientdesk.jar validate FILE.csv");
				System.exit(2);
			}
			System.exit(LocalValidation.run(java.nio.file.Path.of(args[1]), System.out));
		}
		SpringApplication.run(ClientDeskApplication.class, args);
	}

}
