package io.clientdesk.security;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two ways in: the JSON API ({@code /api/**}, and Actuator) with HTTP Basic and no
 * session, and the web UI with a login form, a session and CSRF protection. Which role
 * may call what is said next to each endpoint ({@code @PreAuthorize}); here, that
 * everything but the login page, static files and health needs a logged-in user, and,
 * repeated so that it is checked before a request body is read, which writes are
 * admin-only.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * The API's description: for scripts with HTTP Basic, like the rest of the API, and
	 * for the reference page that logged-in people browse, with their session (read,
	 * never created). It is read-only, so it needs no CSRF protection.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain apiReferenceSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/openapi.json", "/api/openapi.json/**")
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(HttpMethod.GET).authenticated().anyRequest().denyAll())
			.httpBasic((basic) -> basic.authenticationEntryPoint(SecurityConfiguration::refuseWithoutCredentials))
			.headers(SecurityConfiguration::securityHeaders)
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(SecurityConfiguration::refuseWithoutCredentials))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**", "/actuator/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole(Role.ADMIN.name())
				// admin-only writes, refused before the body is read: with
				// @PreAuthorize alone, a bad body got 400 or 422 instead of 403
				.requestMatchers(HttpMethod.POST, "/api/projects", "/api/desks", "/api/users", "/api/users/*/password")
				.hasRole(Role.ADMIN.name())
				.requestMatchers(HttpMethod.PATCH, "/api/users/**")
				.hasRole(Role.ADMIN.name())
				.requestMatchers(HttpMethod.PATCH, "/api/projects/*", "/api/desks/*")
				.hasRole(Role.ADMIN.name())
				.requestMatchers(HttpMethod.PUT, "/api/settings/**")
				.hasRole(Role.ADMIN.name())
				// uploads and exports: refused before a multipart body is stored
				.requestMatchers(HttpMethod.POST, "/api/imports", "/api/imports/**")
				.hasRole(Role.MANAGER.name())
				.requestMatchers("/api/clients/export.csv")
				.hasRole(Role.MANAGER.name())
				// import profiles: managers only, reads included
				.requestMatchers("/api/import-profiles", "/api/import-profiles/**")
				.hasRole(Role.MANAGER.name())
				.anyRequest()
				.authenticated())
			// one entry point for missing and for wrong credentials, without a
			// WWW-Authenticate challenge: a browser shown one asks for credentials, then
			// sends them with every request, those a hostile page makes included
			.httpBasic((basic) -> basic.authenticationEntryPoint(SecurityConfiguration::refuseWithoutCredentials))
			.addFilterBefore(new CrossSiteWriteFilter(), BasicAuthenticationFilter.class)
			.headers(SecurityConfiguration::securityHeaders)
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(SecurityConfiguration::refuseWithoutCredentials)
						.accessDeniedHandler((request, response, ex) -> writeProblem(response, HttpStatus.FORBIDDEN,
								"Forbidden", "Your role does not allow this")))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.svg", "/error")
			.permitAll()
			// the import dialog's uploads: refused before a multipart body is stored, as
			// in the API
			.requestMatchers(HttpMethod.POST, "/imports", "/imports/**")
			.hasRole(Role.MANAGER.name())
			// the forms of the Projects & desks page
			.requestMatchers(HttpMethod.POST, "/organisation/**")
			.hasRole(Role.ADMIN.name())
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login")
				.defaultSuccessUrl("/clients", false)
				.failureHandler(new LoginFailureHandler())
				.permitAll())
			// an upload from somebody not logged in goes to the login page unread
			.addFilterBefore(new AnonymousUploadFilter(), CsrfFilter.class)
			.headers(SecurityConfiguration::securityHeaders)
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
		return http.build();
	}

	/**
	 * The headers of every answer, pages and API alike. The pages have no inline script
	 * or style and htmx evaluates nothing (its {@code htmx-config}), so the policy needs
	 * no {@code 'unsafe-inline'} or {@code 'unsafe-eval'}. HSTS is sent on secure
	 * requests only, which behind a TLS-terminating proxy the forwarded headers make them
	 * ({@code server.forward-headers-strategy}).
	 */
	private static void securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
		headers
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(API_REFERENCE_PAGE),
					new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(API_REFERENCE_PAGE,
					new ContentSecurityPolicyHeaderWriter(API_REFERENCE_POLICY)))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader((permissions) -> permissions.policy(PERMISSIONS_POLICY))
			.frameOptions((frames) -> frames.deny())
			.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
	}

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/**
	 * The API reference (Swagger UI, a page we don't write) inserts one fixed stylesheet
	 * and shows its icons as {@code data:} SVG images: allowed there, and only there, by
	 * the stylesheet's hash (a new Swagger UI with another one fails the browser test).
	 */
	private static final RequestMatcher API_REFERENCE_PAGE = PathPatternRequestMatcher.withDefaults()
		.matcher("/swagger-ui/**");

	static final String API_REFERENCE_POLICY = CONTENT_SECURITY_POLICY
		.replace("style-src 'self'", "style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='")
		.replace("img-src 'self'", "img-src 'self' data:");

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "serial=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=()";

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(Role.ADMIN.name())
			.implies(Role.MANAGER.name())
			.role(Role.MANAGER.name())
			.implies(Role.AGENT.name())
			.build();
	}

	/**
	 * Users from the database, passwords checked with bcrypt once per user and password
	 * every few minutes (see {@link CachingAuthenticationProvider}), and no check at all
	 * for a username or address with too many failed logins ({@link LoginThrottle}). The
	 * clock is the system's, unless a test provides one.
	 */
	@Bean
	LoginThrottle authenticationProvider(UserService users, PasswordEncoder passwordEncoder,
			LoginThrottleProperties limits, ApplicationEventPublisher events, ObjectProvider<Clock> clocks) {
		DaoAuthenticationProvider checked = new DaoAuthenticationProvider(users);
		checked.setPasswordEncoder(passwordEncoder);
		// a disabled user is told so only after the right password: before it, the
		// answer would tell anybody which usernames exist and are disabled
		checked.setPreAuthenticationChecks((user) -> {
		});
		checked.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		Clock clock = clocks.getIfUnique(Clock::systemUTC);
		return new LoginThrottle(new CachingAuthenticationProvider(checked, users, clock), limits, clock, events);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	private static void refuseWithoutCredentials(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		if (ex instanceof LoginThrottledException throttled) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
			writeProblem(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins", throttled.getMessage());
			return;
		}
		if (ex instanceof DisabledException) {
			writeProblem(response, HttpStatus.UNAUTHORIZED, "Unauthorized",
					"This user is disabled; an admin can enable it again");
			return;
		}
		writeProblem(response, HttpStatus.UNAUTHORIZED, "Unauthorized",
				"Send a username and password (HTTP Basic) to use the API");
	}

	static void writeProblem(HttpServletResponse response, HttpStatus status, String title, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setCharacterEncoding("UTF-8");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
					+ ",\"detail\":\"" + detail + "\"}");
	}

}
