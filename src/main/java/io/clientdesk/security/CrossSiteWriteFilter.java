package io.clientdesk.security;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an API write that a browser says comes from another site, before its body is
 * read or its credentials checked: the API has no CSRF token, so a page elsewhere must
 * not be able to post to it with credentials the browser remembers. Browsers mark such
 * requests ({@code Sec-Fetch-Site}, or an {@code Origin} naming another host); scripts
 * and curl send neither header, and pass.
 */
class CrossSiteWriteFilter extends OncePerRequestFilter {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String reason = SAFE_METHODS.contains(request.getMethod()) ? null : crossSiteReason(request);
		if (reason != null) {
			SecurityConfiguration.writeProblem(response, HttpStatus.FORBIDDEN, "Cross-site request refused", reason);
			return;
		}
		chain.doFilter(request, response);
	}

	private static String crossSiteReason(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if ("cross-site".equalsIgnoreCase(site) || "same-site".equalsIgnoreCase(site)) {
			return "The browser marked this request as sent from another site (Sec-Fetch-Site: " + site.toLowerCase()
					+ "); the API accepts writes from scripts and from ClientDesk's own pages only";
		}
		String origin = request.getHeader("Origin");
		if (origin != null && !request.getServerName().equalsIgnoreCase(hostOf(origin))) {
			return "The request's Origin names another host than this server's; the API accepts writes from"
					+ " scripts and from ClientDesk's own pages only";
		}
		return null;
	}

	/** The host of an Origin header, or "" where it has none ({@code null}, garbage). */
	private static String hostOf(String origin) {
		try {
			String host = URI.create(origin.trim()).getHost();
			return (host != null) ? host : "";
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

}
