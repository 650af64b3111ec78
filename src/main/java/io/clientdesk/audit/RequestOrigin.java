package io.clientdesk.audit;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who makes the change being recorded, and from where: the logged-in user of this thread
 * and the address of the request it serves, as Spring Security and Spring MVC hold them.
 * The address is Tomcat's remote address, which behind a trusted proxy is the client's
 * (its {@code X-Forwarded-For}, {@code server.forward-headers-strategy=native}).
 */
final class RequestOrigin {

	private RequestOrigin() {
	}

	static String user() {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
			return null;
		}
		return user.getName();
	}

	static String address() {
		HttpServletRequest request = request();
		return (request != null) ? request.getRemoteAddr() : null;
	}

	/** The request this thread serves, if any (none in background jobs). */
	static HttpServletRequest request() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

}
