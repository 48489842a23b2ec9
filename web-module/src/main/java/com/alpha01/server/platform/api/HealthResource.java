package com.alpha01.server.platform.api;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.server.platform.config.ServerConfig;
import com.alpha01.server.platform.health.HealthCheck;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Health for load balancers, orchestrators and monitoring, unauthenticated:
 * <ul>
 *   <li>{@code GET /api/v1/health/live}: 200 while the application is deployed and answers (liveness: restart
 *       the node when it does not);</li>
 *   <li>{@code GET /api/v1/health/ready}, and {@code GET /api/v1/health} as before: 200 when the database and
 *       the node's message broker answer, else 503 {@code DOWN} (readiness: send no traffic); status
 *       {@code DEGRADED} (still 200) when only Keycloak does not answer. With each check, the node's name and
 *       the messages waiting in its dead-letter queue.</li>
 * </ul>
 */
@Path("/health")
public class HealthResource {

    @Inject
    HealthCheck health;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        return ready();
    }

    @GET
    @Path("/ready")
    @Produces(MediaType.APPLICATION_JSON)
    public Response ready() {
        HealthCheck.Health now = health.now();
        String status = !now.ready() ? "DOWN" : now.identityUp() ? "UP" : "DEGRADED";
        JsonObject body = JSON.createObjectBuilder().add("status", status)
                .add("checks", JSON.createObjectBuilder()
                        .add("database", up(now.databaseUp()))
                        .add("messaging", up(now.messagingUp()))
                        .add("identity", up(now.identityUp())))
                .add("node", now.node())
                .add("deadLetters", now.deadLetters()).build();
        return Response.status(now.ready() ? 200 : 503).entity(body.toString()).build();
    }

    @GET
    @Path("/live")
    @Produces(MediaType.APPLICATION_JSON)
    public Response live() {
        return Response.ok(JSON.createObjectBuilder().add("status", "UP").add("node", ServerConfig.nodeName()).build()
                .toString()).build();
    }

    private static String up(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
