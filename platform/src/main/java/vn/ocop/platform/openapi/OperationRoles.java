package vn.ocop.platform.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.IndexReader;

import io.quarkus.security.Authenticated;
import vn.ocop.platform.security.ScopeRule;

/**
 * Who may call each operation, read from the resource classes' own {@code @RolesAllowed}, {@code @PermitAll} and
 * {@code @Authenticated} (method first, then class), so the sentence the document shows cannot drift from the check
 * the service makes; and what a caller gets outside its data scope ({@link ScopeRule}, method first, then class). The
 * resources are the service's own classes (the directory holding its {@code application.properties}) and those of
 * indexed libraries ({@code META-INF/jandex.idx}, e.g. the product projection). Keys are
 * {@code "GET /api/v1/producers/{id}"}.
 */
final class OperationRoles {
    /** What the caller sees of the data when it holds a role: the scope rule the services apply (platform Scope). */
    private static final Map<String, String> SCOPE = Map.of(
            "central-officer", "central-officer (nationwide)",
            "province-officer", "province-officer (its own province only)",
            "inspector", "inspector (its own province only)",
            "commune-officer", "commune-officer (its own commune only)",
            "council-member", "council-member (the councils it sits on)",
            "producer", "producer (only itself and its own products)",
            "channel-operator", "channel-operator (only its own channel or point of sale)",
            "auditor", "auditor (read-only, nationwide)");
    static final String ANONYMOUS = "Who may call: anyone, without an account.";
    static final String ANY_ROLE = "Who may call: any signed-in role, each within its own data scope (a province-officer its "
            + "province, a producer itself, a channel-operator its channel; central-officer and auditor nationwide).";
    /** The same where the operation's scope rule is PUBLIC or NONE: there the roles' data scopes narrow nothing. */
    static final String ANY_ROLE_UNSCOPED = "Who may call: any signed-in role.";
    private static final DotName PATH = DotName.createSimple(jakarta.ws.rs.Path.class.getName());

    private OperationRoles() {
    }

    /** What the document says of one operation: who may call it, and its scope rule (null when it has none). */
    record Described(String whoMayCall, ScopeRule scope) {
        /** The text appended to the operation's description: "Who may call: ..." and, when there is a rule, "Scope: ...". */
        String text() {
            return scope == null ? whoMayCall : whoMayCall + "\n\n" + scope.value().sentence(scope.detail());
        }
    }

    /** The "Who may call" sentence and the scope rule of every operation found, by {@code "METHOD /path"}. */
    static Map<String, Described> byOperation(ClassLoader loader) {
        Map<String, Described> sentences = new TreeMap<>();
        for (Class<?> resource : resourceClasses(loader)) {
            jakarta.ws.rs.Path classPath = resource.getAnnotation(jakarta.ws.rs.Path.class);
            for (Method method : resource.getMethods()) {
                String verb = httpMethod(method);
                if (verb == null) {
                    continue;
                }
                jakarta.ws.rs.Path methodPath = method.getAnnotation(jakarta.ws.rs.Path.class);
                String path = normalise(classPath.value() + "/" + (methodPath == null ? "" : methodPath.value()));
                ScopeRule rule = method.isAnnotationPresent(ScopeRule.class) ? method.getAnnotation(ScopeRule.class)
                        : resource.getAnnotation(ScopeRule.class);
                // Two methods may serve one operation (a hidden multipart twin): the annotated one says its rule.
                sentences.merge(verb + " " + path, new Described(sentence(method, resource, rule), rule),
                        (first, second) -> first.scope() != null ? first : second);
            }
        }
        return sentences;
    }

    /**
     * The sentence for one resource method: its own annotation wins over its class's. Each role is named with its data
     * scope ("its own province only"), except where the scope rule is PUBLIC or NONE: saying so there would contradict
     * the rule's own sentence (every caller sees every record).
     */
    static String sentence(Method method, Class<?> resource, ScopeRule rule) {
        boolean scoped = rule == null || (rule.value() != ScopeRule.Kind.PUBLIC && rule.value() != ScopeRule.Kind.NONE);
        for (AnnotatedElement element : List.of(method, resource)) {
            if (element.isAnnotationPresent(PermitAll.class)) {
                return ANONYMOUS;
            }
            RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
            if (roles != null) {
                return "Who may call: " + String.join(", ", Stream.of(roles.value())
                        .map(role -> scoped ? SCOPE.getOrDefault(role, role) : role).toList()) + ".";
            }
            if (element.isAnnotationPresent(Authenticated.class)) {
                return scoped ? ANY_ROLE : ANY_ROLE_UNSCOPED;
            }
        }
        return ANONYMOUS;
    }

    private static String httpMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** {@code /api/v1//x/{id: [0-9]+}/} → {@code /api/v1/x/{id}}, as the document writes paths. */
    static String normalise(String path) {
        String plain = path.replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        if (!plain.startsWith("/")) {
            plain = "/" + plain;
        }
        return plain.length() > 1 && plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
    }

    private static Set<Class<?>> resourceClasses(ClassLoader loader) {
        Set<String> names = new LinkedHashSet<>();
        try {
            for (URL url : Collections.list(loader.getResources("application.properties"))) {
                if ("file".equals(url.getProtocol())) {
                    names.addAll(classesMentioningPath(Path.of(url.toURI()).getParent()));
                }
            }
            for (URL url : Collections.list(loader.getResources("META-INF/jandex.idx"))) {
                try (InputStream in = url.openStream()) {
                    Index index = new IndexReader(in).read();
                    for (AnnotationInstance path : index.getAnnotations(PATH)) {
                        if (path.target().kind() == AnnotationTarget.Kind.CLASS) {
                            names.add(path.target().asClass().name().toString());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (String name : names) {
            try {
                Class<?> type = Class.forName(name, false, loader);
                if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    classes.add(type);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not loadable here (e.g. an optional dependency absent): not one of this service's resources
            }
        }
        return classes;
    }

    /** Class names under a classes directory whose bytes name the JAX-RS {@code Path} annotation (cheap pre-filter). */
    private static List<String> classesMentioningPath(Path root) throws IOException {
        byte[] marker = "Ljakarta/ws/rs/Path;".getBytes(StandardCharsets.US_ASCII);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".class")).filter(file -> contains(file, marker))
                    .map(file -> root.relativize(file).toString().replace('\\', '/').replace('/', '.').replaceAll("\\.class$", ""))
                    .toList();
        }
    }

    private static boolean contains(Path file, byte[] marker) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            outer:
            for (int i = 0; i <= bytes.length - marker.length; i++) {
                for (int j = 0; j < marker.length; j++) {
                    if (bytes[i + j] != marker[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
