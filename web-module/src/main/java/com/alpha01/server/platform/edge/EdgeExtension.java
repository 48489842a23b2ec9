package com.alpha01.server.platform.edge;

import com.alpha01.server.platform.config.ServerConfig;
import com.alpha01.server.platform.config.Settings;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;
import java.net.URI;

/**
 * Puts the {@link EdgeGuard} in front of the deployment's security handlers (Undertow's outer handler
 * chain, which runs before the OIDC mechanism) and publishes the deployment's {@link RateLimits} as a
 * servlet context attribute for the parts that meter after authentication. Registered through
 * {@code META-INF/services/io.undertow.servlet.ServletExtension}.
 */
public final class EdgeExtension implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        RateLimits limits = RateLimits.from(Settings.system());
        context.setAttribute(RateLimits.ATTRIBUTE, limits);
        String cookie = deployment.getServletSessionConfig() == null || deployment.getServletSessionConfig().getName() == null
                ? "JSESSIONID" : deployment.getServletSessionConfig().getName();
        String publicAuthority = ServerConfig.publicUrl().map(EdgeExtension::authority).orElse(null);
        String httpsOrigin = ServerConfig.publicUrl().map(EdgeExtension::httpsOrigin).orElse(null);
        deployment.addOuterHandlerChainWrapper(next -> new EdgeGuard(next, limits, cookie, publicAuthority, httpsOrigin));
    }

    /** {@code https://shop.example:8443} of an HTTPS public URL (its path dropped); null for HTTP or garbage. */
    static String httpsOrigin(String url) {
        try {
            URI uri = URI.create(url.strip());
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getRawAuthority() != null
                    ? "https://" + uri.getRawAuthority() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String authority(String url) {
        try {
            return URI.create(url).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
