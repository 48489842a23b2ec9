package com.alpha01.server.platform.api;

import com.alpha01.protocol.ErrorCode;
import com.alpha01.server.identity.Caller;
import com.alpha01.server.identity.api.Callers;
import com.alpha01.server.platform.edge.RateLimits;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * REST calls are metered per signed-in user and, for staff, per shop (D43), once the OIDC layer has
 * said who calls; the per-address limit ran before it, at the edge. Over a limit → 429
 * {@code RATE_LIMITED} with {@code Retry-After}; the call is not run.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class CallerRateLimit implements ContainerRequestFilter {

    @Context
    ServletContext servletContext;

    @Override
    public void filter(ContainerRequestContext request) {
        RateLimits limits = (RateLimits) servletContext.getAttribute(RateLimits.ATTRIBUTE);
        Optional<Caller> caller = Callers.from(request.getSecurityContext().getUserPrincipal());
        if (limits == null || caller.isEmpty()) {
            return;
        }
        RateLimits.Decision decision = limits.take(RateLimits.Kind.USER, caller.get().subject());
        if (decision.allowed() && caller.get().merchantCode().isPresent()) {
            decision = limits.take(RateLimits.Kind.MERCHANT, caller.get().merchantCode().get());
        }
        if (!decision.allowed()) {
            request.abortWith(Response.status(429).type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Retry-After", decision.retryAfterSeconds())
                    .header("Cache-Control", "no-store")
                    .entity(new ErrorBody(ErrorCode.RATE_LIMITED.name(),
                            "too many requests; retry after " + decision.retryAfterSeconds() + " s", Correlation.newId()))
                    .build());
        }
    }
}
