package io.clientdesk.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * Where the login form goes after a failure: back to the login page, saying either that
 * the username or password was wrong, that the user is disabled, or, when the attempt was
 * throttled (and its password not even checked), in how many seconds to try again.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

	private final AuthenticationFailureHandler wrongCredentials = new SimpleUrlAuthenticationFailureHandler(
			"/login?error");

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (exception instanceof LoginThrottledException throttled) {
			response.sendRedirect(request.getContextPath() + "/login?throttled=" + throttled.retryAfterSeconds());
			return;
		}
		if (exception instanceof DisabledException) {
			// only after the right password (SecurityConfiguration)
			response.sendRedirect(request.getContextPath() + "/login?disabled");
			return;
		}
		this.wrongCredentials.onAuthenticationFailure(request, response, exception);
	}

}
