package io.clientdesk.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * For the pages: a multipart request (an upload) from somebody not logged in is sent to
 * the login page before anything reads its body. Without this, the CSRF check looking for
 * the token among the form's fields, the login form's filter, or the error page's
 * dispatch would parse the whole body (up to 64 MB, spooled to disk) first. Only the
 * import dialog sends multipart, and only to the logged in.
 */
class AnonymousUploadFilter extends OncePerRequestFilter {

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	private final AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isMultipart(request) && !isLoggedIn(SecurityContextHolder.getContext().getAuthentication())) {
			this.login.commence(request, response, null);
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean isLoggedIn(Authentication authentication) {
		return authentication != null && !this.trust.isAnonymous(authentication) && authentication.isAuthenticated();
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String contentType = request.getContentType();
		return contentType != null && contentType.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
	}

}
