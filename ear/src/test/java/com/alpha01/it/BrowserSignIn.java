package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser does to sign in on the chat page: the server's OIDC redirect, Keycloak's login form,
 * the callback. The client it returns holds the cookies of that signed-in browser ({@code JSESSIONID}),
 * for tests of what such a cookie can and cannot do.
 */
final class BrowserSignIn {

    private static final Pattern FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private BrowserSignIn() {
    }

    /** A browser signed in as {@code username} through the chat page; the answer is the page it landed on. */
    static Signed signIn(String username, String password) throws Exception {
        List<String> trail = new ArrayList<>();
        Browser browser = new Browser();
        HttpResponse<String> page = follow(browser, TestEnvironment.serverUri().resolve("/chat/"), trail);
        assertEquals(200, page.statusCode(), "Keycloak's login page: " + trail);
        if (!page.body().contains("id=\"password\"")) {
            // With organizations on, Keycloak asks for the user name first, then the password.
            page = submit(browser, page, "username=" + enc(username), trail);
        }
        HttpResponse<String> landed = submit(browser, page, "username=" + enc(username) + "&password=" + enc(password)
                + "&credentialId=", trail);
        return new Signed(browser, landed, List.copyOf(trail));
    }

    /** The signed-in browser, the page it landed on, and every request on the way ("GET uri → status"). */
    record Signed(Browser browser, HttpResponse<String> landed, List<String> trail) {
    }

    /**
     * A browser's cookie jar over the JDK client, per host and port, every cookie sent back whatever its
     * attributes: Keycloak marks its cookies {@code Secure}, which browsers honour on http://127.0.0.1
     * (a secure context) and the JDK's {@code CookieManager} does not.
     */
    static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        private final Map<String, Map<String, String>> jar = new ConcurrentHashMap<>();

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            HttpRequest built = request.build();
            Map<String, String> cookies = jar.getOrDefault(built.uri().getAuthority(), Map.of());
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : answer.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    jar.computeIfAbsent(built.uri().getAuthority(), k -> new ConcurrentHashMap<>())
                            .put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
            }
            return answer;
        }
    }

    private static HttpResponse<String> submit(Browser browser, HttpResponse<String> form, String body, List<String> trail)
            throws Exception {
        Matcher tag = FORM.matcher(form.body());
        if (!tag.find()) {
            throw new AssertionError("no login form on " + form.uri());
        }
        Matcher action = ACTION.matcher(tag.group());
        if (!action.find()) {
            throw new AssertionError("login form without action");
        }
        URI target = form.uri().resolve(action.group(1).replace("&amp;", "&"));
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(target)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        trail.add("POST " + target + " → " + answer.statusCode());
        return answer.statusCode() / 100 == 3 ? follow(browser, answer.uri().resolve(location(answer)), trail) : answer;
    }

    /** GETs {@code uri} and follows redirects, carrying cookies, to the first answer that is not one. */
    private static HttpResponse<String> follow(Browser browser, URI uri, List<String> trail) throws Exception {
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET());
        trail.add("GET " + uri + " → " + answer.statusCode());
        for (int hops = 0; answer.statusCode() / 100 == 3 && hops < 10; hops++) {
            URI next = answer.uri().resolve(location(answer));
            answer = browser.send(HttpRequest.newBuilder(next).header("Accept", "text/html").GET());
            trail.add("GET " + next + " → " + answer.statusCode());
        }
        return answer;
    }

    private static String location(HttpResponse<String> answer) {
        return answer.headers().firstValue("Location").orElseThrow(() -> new AssertionError("redirect without Location"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
