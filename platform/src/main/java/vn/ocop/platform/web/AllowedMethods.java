package vn.ocop.platform.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * The methods a path answers, for the {@code Allow} header a 405 must carry (RFC 9110 §15.5.6). Quarkus REST answers
 * 405 without it, so the routes are read once from the resource classes' {@code @Path} and method annotations.
 */
@ApplicationScoped
public class AllowedMethods {
    private record Route(Pattern path, String method) {
    }

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})*))?}");

    @Inject
    BeanManager beans;

    private volatile List<Route> routes;

    /** The {@code Allow} value for a request path, e.g. {@code GET, HEAD, OPTIONS, PUT}; empty when no route matches. */
    public String allowFor(String requestPath) {
        Set<String> methods = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(requestPath).matches()) {
                methods.add(route.method());
            }
        }
        if (methods.isEmpty()) {
            return "";
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        methods.add("OPTIONS");
        return String.join(", ", methods);
    }

    private List<Route> routes() {
        List<Route> known = routes;
        if (known == null) {
            known = new ArrayList<>();
            for (Bean<?> bean : beans.getBeans(Object.class)) {
                Class<?> type = bean.getBeanClass();
                Path root = type.getAnnotation(Path.class);
                if (root != null) {
                    addRoutes(known, type, root.value());
                }
            }
            routes = known;
        }
        return known;
    }

    private static void addRoutes(List<Route> routes, Class<?> type, String root) {
        for (Method method : type.getMethods()) {
            for (Annotation annotation : method.getAnnotations()) {
                HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                if (http != null) {
                    Path sub = method.getAnnotation(Path.class);
                    routes.add(new Route(toRegex(join(root, sub == null ? "" : sub.value())), http.value()));
                }
            }
        }
    }

    private static String join(String root, String sub) {
        String path = "/" + root + "/" + sub;
        path = path.replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    static Pattern toRegex(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher variable = TEMPLATE.matcher(template);
        int last = 0;
        while (variable.find()) {
            regex.append(Pattern.quote(template.substring(last, variable.start())));
            regex.append('(').append(variable.group(1) == null ? "[^/]+" : variable.group(1).trim()).append(')');
            last = variable.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?");
        return Pattern.compile(regex.toString());
    }
}
