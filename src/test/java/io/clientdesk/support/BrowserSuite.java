package io.clientdesk.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every browser test class shares: one Chromium for the class, on the test's server,
 * closed at its end, and after each test the check that the pages needed nothing their
 * Content-Security-Policy forbids (no inline script or style, no eval, htmx's included).
 * A subclass is an {@link IntegrationTest} with one test instance per class, run on H2
 * only.
 */
public abstract class BrowserSuite {

	@LocalServerPort
	protected int port;

	protected Browser browser;

	/** Tells this run's users, clients and names from those of earlier runs. */
	protected final String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

	private final String suite;

	/**
	 * @param suite the folder of the screenshots under
	 * {@code target/screenshots/<database>/}
	 */
	protected BrowserSuite(String suite) {
		this.suite = suite;
	}

	@BeforeAll
	void startBrowser() {
		this.browser = Browser.start(this.port, this.suite);
	}

	@AfterEach
	void noContentSecurityPolicyViolation() {
		assertThat(this.browser.contentSecurityPolicyViolations()).as("what the browser refused").isEmpty();
	}

	@AfterAll
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

}
