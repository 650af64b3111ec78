package io.clientdesk;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.clientdesk");

	@Test
	void only_repositories_talk_to_the_database() {
		noClasses().that()
			.areNotAnnotatedWith(Repository.class)
			.should()
			.dependOnClassesThat()
			.areAssignableTo(JdbcClient.class)
			.check(this.classes);
	}

	/**
	 * {@code web} holds what pages share (layout, pager, event names, error pages): the
	 * controllers that render pages use it, nothing under them does.
	 */
	@Test
	void only_controllers_depend_on_the_web_layer() {
		noClasses().that()
			.resideOutsideOfPackage("io.clientdesk.web..")
			.and()
			.areNotMetaAnnotatedWith(Controller.class)
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.clientdesk.web..")
			.check(this.classes);
	}

	@Test
	void services_do_not_handle_http_requests() {
		noClasses().that()
			.haveSimpleNameEndingWith("Service")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("jakarta.servlet..", "org.springframework.web.bind.annotation..")
			.check(this.classes);
	}

}
