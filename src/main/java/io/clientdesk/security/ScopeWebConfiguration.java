package io.clientdesk.security;

import java.util.List;

import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A controller parameter of type {@link Scope} is the logged-in user's scope, read from
 * the database at each request (so an admin's change counts at once);
 * {@link Scope#UNLIMITED} for an admin. The controllers that read clients take one and
 * hand it to the client module, which has no other way to a client.
 */
@Configuration(proxyBeanMethods = false)
class ScopeWebConfiguration implements WebMvcConfigurer {

	static {
		// the caller's scope is not a parameter of the API's description
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Scope.class);
	}

	private final UserService users;

	ScopeWebConfiguration(UserService users) {
		this.users = users;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new ScopeResolver());
	}

	private final class ScopeResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == Scope.class;
		}

		@Override
		public Scope resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
				NativeWebRequest request, WebDataBinderFactory binders) {
			Authentication user = SecurityContextHolder.getContext().getAuthentication();
			if (user == null) {
				// every page and API call that reads clients needs a login: never
				// unlimited
				// by mistake
				throw new AccessDeniedException("Not logged in");
			}
			if (user.getAuthorities().stream().anyMatch((a) -> "ROLE_ADMIN".equals(a.getAuthority()))) {
				return Scope.UNLIMITED;
			}
			return ScopeWebConfiguration.this.users.scopeOf(user.getName());
		}

	}

}
