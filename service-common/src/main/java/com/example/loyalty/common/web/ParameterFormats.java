package com.example.loyalty.common.web;

import com.example.loyalty.common.text.SafeText;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A path, query or header parameter that cannot be read as its Java type ({@code ?page=abc} for an {@code int},
 * {@code /members/not-a-uuid} for a {@code UUID}, an enum constant that does not exist) is answered with a problem that
 * names the parameter and says what it takes, in the API's words. Left to RESTEasy Reactive, such a query parameter is
 * a 404 and such a header a 400, both with no more than "HTTP 404 Not Found" as detail: the conversion fails before
 * any resource code runs and its exception does not say which parameter failed.
 *
 * <p>The statuses: a query parameter or a header gets a 400 {@code invalid-parameter}; a path parameter a 404
 * {@code not-found} (the URL names nothing that can exist, as the resources answer an id that is well-formed but
 * unknown). Runs after authentication and authorisation ({@link Priorities#USER}), so a caller without the right role
 * still learns only that, and after matching, so it knows the resource method and the type of each parameter.
 *
 * <p>Only the types the resources take are checked (whole numbers, decimals, UUIDs, enums, days, instants), the same
 * way RESTEasy reads them; a parameter of any other type is left to RESTEasy.
 */
public class ParameterFormats {

    /** The problem kind of a query parameter or header of the wrong format. */
    public static final String KIND = "invalid-parameter";

    private static final int MAX_SHOWN = 60;

    private final Map<Method, List<Check>> checks = new ConcurrentHashMap<>();

    @ServerRequestFilter(priority = Priorities.USER)
    public void refuseMalformedParameters(ResourceInfo resource, UriInfo uri, HttpHeaders headers) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        for (Check check : checks.computeIfAbsent(method, ParameterFormats::checksOf)) {
            List<String> values = switch (check.in()) {
                case "path" -> values(uri.getPathParameters(), check.name());
                case "query" -> values(uri.getQueryParameters(), check.name());
                default -> headers.getRequestHeader(check.name());
            };
            if (values == null) {
                continue;
            }
            for (String value : values) {
                if (value != null && !check.format().accepts(value)) {
                    throw problem(check, value, uri);
                }
            }
        }
    }

    private static List<String> values(MultivaluedMap<String, String> parameters, String name) {
        return parameters.get(name);
    }

    private static HttpProblem problem(Check check, String value, UriInfo uri) {
        String shown = value.codePointCount(0, value.length()) <= MAX_SHOWN
                ? value
                : value.substring(0, value.offsetByCodePoints(0, MAX_SHOWN)) + "...";
        String where = switch (check.in()) {
            case "path" -> "'" + check.name() + "' in the path";
            case "query" -> "query parameter '" + check.name() + "'";
            default -> "header '" + check.name() + "'";
        };
        String detail = where + " must be " + check.format().expected() + ", was \"" + SafeText.printable(shown) + "\"";
        if (check.in().equals("path")) {
            return HttpProblem.builder()
                    .withType(URI.create(Problems.BASE + "not-found"))
                    .withStatus(404)
                    .withTitle("Not Found")
                    .withDetail(detail + ": nothing can be found at " + SafeText.printable(uri.getPath()))
                    .with("parameter", check.name())
                    .build();
        }
        return HttpProblem.builder()
                .withType(URI.create(Problems.BASE + KIND))
                .withStatus(400)
                .withTitle("Bad Request")
                .withDetail(detail)
                .with("in", check.in())
                .with("parameter", check.name())
                .build();
    }

    /** One parameter of a resource method to check: where it comes from, its name, its format. */
    record Check(String in, String name, Format format) {}

    /** What a parameter's type takes: a test, and its description for the detail. */
    record Format(String expected, Function<String, ?> parse) {

        boolean accepts(String value) {
            try {
                return parse.apply(value) != null;
            } catch (RuntimeException e) {
                return false;
            }
        }
    }

    static List<Check> checksOf(Method method) {
        List<Check> found = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> c = parameter.getType(); c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field field : c.getDeclaredFields()) {
                        if (!Modifier.isStatic(field.getModifiers())) {
                            add(found, field, field.getName(), field.getGenericType());
                        }
                    }
                }
            } else {
                add(found, parameter, parameter.getName(), parameter.getParameterizedType());
            }
        }
        return List.copyOf(found);
    }

    private static void add(List<Check> found, AnnotatedElement element, String javaName, Type type) {
        for (Annotation a : element.getAnnotations()) {
            String in = null;
            String name = null;
            if (a instanceof PathParam p) {
                in = "path";
                name = p.value();
            } else if (a instanceof RestPath p) {
                in = "path";
                name = p.value();
            } else if (a instanceof QueryParam q) {
                in = "query";
                name = q.value();
            } else if (a instanceof RestQuery q) {
                in = "query";
                name = q.value();
            } else if (a instanceof HeaderParam h) {
                in = "header";
                name = h.value();
            } else if (a instanceof RestHeader h) {
                in = "header";
                name = h.value();
            }
            if (in == null) {
                continue;
            }
            Format format = formatOf(elementType(type));
            if (format != null) {
                found.add(new Check(in, name == null || name.isEmpty() ? javaName : name, format));
            }
            return;
        }
    }

    /** The element type of a list, set or optional parameter; else the type itself. */
    private static Class<?> elementType(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            if ((Collection.class.isAssignableFrom(raw) || raw == Optional.class)
                    && p.getActualTypeArguments()[0] instanceof Class<?> element) {
                return element;
            }
            return raw;
        }
        return Object.class;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Format formatOf(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return new Format("a whole number", Integer::valueOf);
        }
        if (type == long.class || type == Long.class) {
            return new Format("a whole number", Long::valueOf);
        }
        if (type == short.class || type == Short.class) {
            return new Format("a whole number", Short::valueOf);
        }
        if (type == BigInteger.class) {
            return new Format("a whole number", BigInteger::new);
        }
        if (type == double.class || type == Double.class) {
            return new Format("a number", Double::valueOf);
        }
        if (type == BigDecimal.class) {
            return new Format("a number", BigDecimal::new);
        }
        if (type == UUID.class) {
            return new Format("a UUID such as 6f1c1b8e-0d55-4a43-9a53-0a3c3ed1f1a2", UUID::fromString);
        }
        if (type == LocalDate.class) {
            return new Format("a day as YYYY-MM-DD", LocalDate::parse);
        }
        if (type == Instant.class) {
            return new Format("an ISO-8601 instant such as 2026-12-03T10:15:30Z", Instant::parse);
        }
        if (type.isEnum()) {
            Function<String, ?> fromString = staticFromString(type);
            if (fromString == null) {
                Class<? extends Enum> e = (Class<? extends Enum>) type;
                fromString = value -> Enum.valueOf(e, value);
            }
            StringBuilder names = new StringBuilder();
            for (Object constant : type.getEnumConstants()) {
                names.append(names.isEmpty() ? "" : ", ").append(((Enum<?>) constant).name());
            }
            return new Format("one of " + names, fromString);
        }
        return null;
    }

    /** An enum's own {@code fromString(String)}, which JAX-RS prefers to {@code valueOf} for enums. */
    private static Function<String, ?> staticFromString(Class<?> type) {
        try {
            Method m = type.getMethod("fromString", String.class);
            if (!Modifier.isStatic(m.getModifiers())) {
                return null;
            }
            return value -> {
                try {
                    return m.invoke(null, value);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException(e);
                }
            };
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
