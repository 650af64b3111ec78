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
			System.exit(LocalValidation.command(java.util.List.of(args).subList(1, args.length), System.out));
		}
		SpringApplication.run(ClientDeskApplication.class, args);
	}

}
