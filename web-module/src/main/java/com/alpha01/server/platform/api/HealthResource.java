package com.alpha01.server.platform.api;

import static com.alpha01.protocol.Jsons.JSON;

import com.alpha01.server.platform.health.HealthCheck;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/v1/health}, unauthenticated: 200 {@code {"status":"UP"}} when the application is
 * deployed and its database answers, else 503 {@code DOWN}; with the node's name and the number of
 * messages waiting in its dead-letter queue. For load balancers, monitoring and the dev stack.
 */
@Path("/health")
public class HealthResource {

    @Inject
    HealthCheck health;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        HealthCheck.Health now = health.now();
        boolean db = now.databaseUp();
        JsonObject body = JSON.createObjectBuilder().add("status", db ? "UP" : "DOWN")
                .add("checks", JSON.createObjectBuilder().add("database", db ? "UP" : "DOWN"))
                .add("node", now.node())
                .add("deadLetters", now.deadLetters()).build();
        return Response.status(db ? 200 : 503).entity(body.toString()).build();
    }
}
