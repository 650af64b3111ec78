package io.clientdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * ClientDesk: clients of a brokerage-style CRM and their bulk import from CSV.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ClientDeskApplication {

	public static void main(String[] args) {
		SpringApplication.run(ClientDeskApplication.class, args);
	}

}
