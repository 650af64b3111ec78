package io.clientdesk.importing.web;

import jakarta.servlet.MultipartConfigElement;

import java.util.List;

import io.clientdesk.importing.job.ImportProperties;
import io.clientdesk.importing.job.OnError;
import io.clientdesk.importing.job.UndoConflicts;
import io.clientdesk.importing.job.Viewer;
import io.clientdesk.importing.rows.DateOrder;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.core.MethodParameter;
import org.springframework.format.FormatterRegistry;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What the import's controllers take from a request, resolved in one place: who asks (a
 * {@link Viewer} parameter) and {@code onError} (strictly {@code fail} or {@code skip},
 * ignoring case; anything else is a 400 naming the parameter) and {@code dateFormat}
 * ({@code DMY}, {@code MDY} or {@code YMD}, ignoring case; empty for none; likewise).
 */
@Configuration(proxyBeanMethods = false)
class ImportWebConfiguration implements WebMvcConfigurer {

	static {
		// who asks is the logged-in user, not a parameter of the API's description
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Viewer.class);
	}

	/**
	 * Spring Boot's multipart settings, with a ceiling raised to 1 MB above the import's
	 * own limit where that is higher: a file within the limit always reaches the import,
	 * which answers one beyond it naming the setting.
	 */
	@Bean
	MultipartConfigElement multipartConfig(MultipartProperties multipart, ImportProperties imports) {
		DataSize ceiling = DataSize.ofBytes(imports.maxFileSize().toBytes() + DataSize.ofMegabytes(1).toBytes());
		if (multipart.getMaxFileSize().compareTo(ceiling) < 0) {
			multipart.setMaxFileSize(ceiling);
		}
		if (multipart.getMaxRequestSize().compareTo(ceiling) < 0) {
			multipart.setMaxRequestSize(ceiling);
		}
		return multipart.createMultipartConfig();
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(String.class, OnError.class, OnError::of);
		registry.addConverter(String.class, DateOrder.class, (text) -> DateOrder.parse(text).orElse(null));
		registry.addConverter(String.class, UndoConflicts.class, UndoConflicts::of);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new ViewerResolver());
	}

	static Viewer viewer(Authentication user) {
		boolean admin = user.getAuthorities().stream().anyMatch((a) -> "ROLE_ADMIN".equals(a.getAuthority()));
		return new Viewer(user.getName(), admin);
	}

	/**
	 * The logged-in user as a {@link Viewer}: imports are theirs, or all for an admin.
	 */
	private static final class ViewerResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == Viewer.class;
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
				NativeWebRequest request, WebDataBinderFactory binders) {
			return viewer(SecurityContextHolder.getContext().getAuthentication());
		}

	}

}
