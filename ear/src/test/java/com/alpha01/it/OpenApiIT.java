package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document the server serves ({@code configure-openapi.cli}): every REST operation the
 * web module's resources declare (read from their sources: verb and path) is in it, and the error
 * body and the bearer-token scheme of {@code META-INF/openapi.yaml} are merged in. A resource added
 * without reaching the document fails here.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {

    private static final Path RESOURCES = Path.of("..", "web-module", "src", "main", "java");
    private static final Pattern CLASS_PATH = Pattern.compile("(?m)^@Path\\(\"([^\"]*)\"\\)");
    private static final Pattern PATH = Pattern.compile("@Path\\(\"([^\"]*)\"\\)");
    private static final Pattern VERB = Pattern.compile("@(GET|POST|PUT|DELETE|PATCH)\\b");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void every_rest_operation_is_in_the_served_document() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                TestEnvironment.serverUri().resolve("/openapi?format=JSON")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonObject doc = Customers.json(response.body());
        assertTrue(doc.getString("openapi").startsWith("3."), "an OpenAPI 3 document");
        JsonObject paths = doc.getJsonObject("paths");

        Set<String> declared = declaredOperations();
        assertTrue(declared.size() >= 20, "the resources' operations were found: " + declared);
        Set<String> missing = new TreeSet<>();
        for (String operation : declared) {
            String[] verbAndPath = operation.split(" ", 2);
            JsonObject item = paths.getJsonObject(verbAndPath[1]);
            if (item == null || !item.containsKey(verbAndPath[0].toLowerCase(Locale.ROOT))) {
                missing.add(operation);
            }
        }
        assertEquals(Set.of(), missing, "documented: " + paths.keySet());

        JsonObject components = doc.getJsonObject("components");
        assertTrue(components.getJsonObject("schemas").containsKey("ErrorBody"), "the error body is documented");
        assertEquals("bearer", components.getJsonObject("securitySchemes").getJsonObject("keycloak").getString("scheme"));
        assertTrue(doc.getJsonObject("info").getString("description").contains("RATE_LIMITED 429"),
                "the error codes and their statuses are documented");
    }

    /** {@code "GET /api/v1/qr-codes/{id}"} for every resource method of the web module, from its source. */
    private static Set<String> declaredOperations() throws IOException {
        Set<String> operations = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            String text = Files.readString(source);
            Matcher classPath = CLASS_PATH.matcher(text);
            if (!classPath.find()) {
                continue;
            }
            String base = "/api/v1" + normalize(classPath.group(1));
            // Annotations gather until a method's signature; a verb among them makes it an operation.
            List<String> annotations = new ArrayList<>();
            for (String line : text.substring(classPath.end()).split("\n")) {
                String t = line.strip();
                if (t.startsWith("@")) {
                    annotations.add(t);
                } else if (t.startsWith("public ") && t.contains("(")) {
                    String joined = String.join(" ", annotations);
                    Matcher verb = VERB.matcher(joined);
                    if (verb.find()) {
                        Matcher sub = PATH.matcher(joined);
                        String path = base + (sub.find() ? normalize(sub.group(1)) : "");
                        operations.add(verb.group(1) + " " + (path.length() > 1 && path.endsWith("/")
                                ? path.substring(0, path.length() - 1) : path));
                    }
                    annotations.clear();
                } else if (!t.isEmpty() && !t.startsWith("//") && !t.startsWith("*") && !t.startsWith("/*")) {
                    annotations.clear();
                }
            }
        }
        return operations;
    }

    /** A JAX-RS path as OpenAPI writes it: leading slash, no doubled slash, templates without their regex. */
    private static String normalize(String path) {
        String p = path.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
        p = p.startsWith("/") || p.isEmpty() ? p : "/" + p;
        return p.equals("/") ? "" : p.replaceAll("/+", "/");
    }
}
