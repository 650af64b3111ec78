package io.clientdesk.client;

import java.util.List;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one place where the clients list's request parameters are read: a controller
 * parameter of type {@link ClientQuery} (the list page, the JSON list, the export) is
 * made from the request parameters of its components' names.
 * <p>
 * Each value is converted as for a {@code @RequestParam}: one that does not convert
 * ({@code active=maybe}) is a {@link MethodArgumentTypeMismatchException} naming it,
 * answered 400; then the query checks itself. Spring's constructor binding of a
 * {@code @ModelAttribute} record answers both otherwise: a value that does not convert as
 * a binding result (a {@code MethodArgumentNotValidException}), and the record's own
 * exception wrapped in a {@code BeanInstantiationException} (a 500).
 */
@Configuration(proxyBeanMethods = false)
class ClientQueryBinding implements WebMvcConfigurer {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new Resolver());
	}

	private static final class Resolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == ClientQuery.class;
		}

		@Override
		public ClientQuery resolveArgument(MethodParameter parameter, ModelAndViewContainer model,
				NativeWebRequest request, WebDataBinderFactory binders) throws Exception {
			Parameters parameters = new Parameters(request, binders.createBinder(request, null, "query"), parameter);
			return new ClientQuery(parameters.get("page", int.class, 0),
					parameters.get("size", int.class, ClientQuery.DEFAULT_SIZE),
					parameters.get("q", String.class, null), parameters.get("project", String.class, null),
					parameters.get("desk", String.class, null), parameters.get("active", Boolean.class, null),
					parameters.get("type", String.class, null), parameters.get("after", String.class, null));
		}

	}

	private record Parameters(NativeWebRequest request, WebDataBinder binder, MethodParameter parameter) {

		/**
		 * The request parameter converted to the type, or {@code absent} when it is
		 * missing or empty.
		 */
		<T> T get(String name, Class<T> type, T absent) {
			String[] values = this.request.getParameterValues(name);
			Object value = (values != null && values.length == 1) ? values[0] : values;
			if (value == null || "".equals(value)) {
				return absent;
			}
			try {
				T converted = this.binder.convertIfNecessary(value, type);
				return (converted != null) ? converted : absent;
			}
			catch (TypeMismatchException ex) {
				throw new MethodArgumentTypeMismatchException(value, type, name, this.parameter, ex.getCause());
			}
		}

	}

}
