package com.alpha01.server.platform.edge;

import com.alpha01.server.platform.metrics.Meters;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.Locale;

/**
 * Counts the edge's rate-limit refusals in the metrics ({@code alpha01_rate_limited_total{limit=…}}):
 * the {@link RateLimits} are made before CDI runs ({@link EdgeExtension}), so the counter is attached
 * to them once the deployment's context starts.
 */
@WebListener
public class EdgeMetrics implements ServletContextListener {

    @Inject
    Meters meters;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (event.getServletContext().getAttribute(RateLimits.ATTRIBUTE) instanceof RateLimits limits) {
            limits.onRefused(kind -> meters.rateLimited(kind.name().toLowerCase(Locale.ROOT)));
        }
    }
}
