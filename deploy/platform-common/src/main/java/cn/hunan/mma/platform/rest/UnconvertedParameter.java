package cn.hunan.mma.platform.rest;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The query or path parameter of a resource method whose text its Java type could not hold ({@code page=abc} for an
 * {@code int}). Quarkus REST reports that, as JAX-RS 3.2 requires, only as a {@code NotFoundException} wrapping the
 * converter's exception, without naming the parameter (and it clears the values converted so far before any mapper
 * runs). It converts the method's parameters in declaration order and stops at the first failure, so the failed one
 * is the first query or path parameter whose text, read again by JAX-RS's rules ({@link ParameterText}), does not
 * convert.
 *
 * @param type the type one value must have (the element type of an {@code Optional} or a collection)
 */
record UnconvertedParameter(String name, Class<?> type, boolean inQuery) {

    /**
     * @param query the request's query parameters
     * @param path  the request's path parameters
     */
    static Optional<UnconvertedParameter> find(Method method, Map<String, List<String>> query, Map<String, List<String>> path) {
        for (Parameter parameter : method.getParameters()) {
            Optional<UnconvertedParameter> failed = of(parameter).filter(candidate -> {
                List<String> texts = (candidate.inQuery() ? query : path).getOrDefault(candidate.name(), List.of());
                return texts.stream().anyMatch(text -> !ParameterText.converts(text, candidate.type()));
            });
            if (failed.isPresent()) {
                return failed;
            }
        }
        return Optional.empty();
    }

    private static Optional<UnconvertedParameter> of(Parameter parameter) {
        if (parameter.isAnnotationPresent(QueryParam.class)) {
            return Optional.of(new UnconvertedParameter(parameter.getAnnotation(QueryParam.class).value(), valueType(parameter), true));
        }
        if (parameter.isAnnotationPresent(RestQuery.class)) {
            return Optional.of(new UnconvertedParameter(named(parameter.getAnnotation(RestQuery.class).value(), parameter), valueType(parameter), true));
        }
        if (parameter.isAnnotationPresent(PathParam.class)) {
            return Optional.of(new UnconvertedParameter(parameter.getAnnotation(PathParam.class).value(), valueType(parameter), false));
        }
        if (parameter.isAnnotationPresent(RestPath.class)) {
            return Optional.of(new UnconvertedParameter(named(parameter.getAnnotation(RestPath.class).value(), parameter), valueType(parameter), false));
        }
        return Optional.empty();
    }

    /** {@code @RestQuery} without a value takes the Java parameter's name (the build compiles with -parameters). */
    private static String named(String declared, Parameter parameter) {
        return declared.isEmpty() ? parameter.getName() : declared;
    }

    private static Class<?> valueType(Parameter parameter) {
        Class<?> raw = parameter.getType();
        boolean container = raw == Optional.class || Collection.class.isAssignableFrom(raw);
        if (container && parameter.getParameterizedType() instanceof ParameterizedType generic) {
            Type element = generic.getActualTypeArguments()[0];
            if (element instanceof Class<?> elementClass) {
                return elementClass;
            }
        }
        return raw;
    }
}
