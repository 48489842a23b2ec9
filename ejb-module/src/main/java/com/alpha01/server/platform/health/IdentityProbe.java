package com.alpha01.server.platform.health;

import com.alpha01.server.platform.config.ServerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Whether Keycloak answers: its realm's OpenID configuration ({@code <issuer>/.well-known/openid-configuration})
 * fetched within 3 s. The answer is kept 10 s, so a load balancer polling every node every second asks
 * Keycloak once per node per 10 s.
 */
@ApplicationScoped
public class IdentityProbe {

    private static final Logger LOG = Logger.getLogger(IdentityProbe.class);
    private static final long KEEP_NANOS = Duration.ofSeconds(10).toNanos();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile long askedAt;
    private volatile boolean up;

    public boolean answers() {
        long now = System.nanoTime();
        if (askedAt != 0 && now - askedAt < KEEP_NANOS) {
            return up;
        }
        synchronized (this) {
            if (askedAt == 0 || System.nanoTime() - askedAt >= KEEP_NANOS) {
                boolean was = up;
                up = ask();
                askedAt = System.nanoTime();
                if (was && !up) {
                    LOG.warnf("Keycloak does not answer at %s: sign-ins fail; open conversations go on", ServerConfig.oidcIssuer());
                }
            }
            return up;
        }
    }

    private boolean ask() {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(
                            URI.create(ServerConfig.oidcIssuer() + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
