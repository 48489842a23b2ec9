package com.alpha01.server.merchant.api;

import com.alpha01.server.identity.Caller;
import com.alpha01.server.identity.api.Callers;
import com.alpha01.server.chat.application.ClientReports;
import com.alpha01.server.merchant.application.ClientRegistrationService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * {@code POST /api/v1/clients}: a merchant client registers itself (DESIGN.md flow 1); {@code GET}: the shop's
 * clients with their state and latest reports.
 */
@Path("/clients")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ClientResource {

    /** {@code capacity}: optional, 1-500, the client's own cap on open conversations (absent: the server's). */
    public record RegisterRequest(String deviceId, String name, String version, Integer capacity) {
    }

    /** {@code capacity}: the open conversations this client takes now, its own cap within the server's. */
    public record Registration(String clientId, String merchantId, String merchantCode, String merchantName,
                               String staffName, int capacity) {
    }

    /**
     * One client of the shop: online now or not, and its latest report ({@code report} frame; null before the
     * first): its assistant's and staff's answers, hand-offs, model errors and automation runs since it started.
     */
    public record ClientInfo(String clientId, String name, String version, boolean online, String lastSeenAt,
                             String reportedAt, Activity activity) {
    }

    /** {@code aiAnswerP50Ms}/{@code aiAnswerP90Ms}: null before the assistant answered anything. */
    public record Activity(long aiAnswers, long staffAnswers, long handOffs, long modelErrors, long automationRuns,
                           long automationFailures, Long aiAnswerP50Ms, Long aiAnswerP90Ms) {
    }

    @Inject
    ClientRegistrationService registration;

    @Inject
    ClientReports reports;

    /** {@code GET /api/v1/clients}: the caller's shop's clients (staff of that shop only; D18 tenancy). */
    @GET
    public List<ClientInfo> list(@Context SecurityContext security) {
        Caller staff = Callers.require(security.getUserPrincipal());
        return reports.ofMyShop(staff).stream().map(v -> new ClientInfo(v.clientId().toString(), v.name(), v.version(),
                v.online(), v.lastSeenAt() == null ? null : v.lastSeenAt().toString(),
                v.reportedAt() == null ? null : v.reportedAt().toString(),
                v.activity() == null ? null : new Activity(v.activity().aiAnswers(), v.activity().staffAnswers(),
                        v.activity().handOffs(), v.activity().modelErrors(), v.activity().automationRuns(),
                        v.activity().automationFailures(), ms(v.activity().aiAnswerP50Ms()),
                        ms(v.activity().aiAnswerP90Ms())))).toList();
    }

    private static Long ms(long value) {
        return value < 0 ? null : value;
    }

    @POST
    public Registration register(RegisterRequest request, @Context SecurityContext security) {
        Caller staff = Callers.require(security.getUserPrincipal());
        RegisterRequest r = request == null ? new RegisterRequest(null, null, null, null) : request;
        ClientRegistrationService.Registered client = registration.register(staff, r.deviceId(), r.name(),
                r.version(), r.capacity());
        return new Registration(client.clientId().toString(), client.merchantId().toString(), client.merchantCode(),
                client.merchantName(), staff.displayName(), client.capacity());
    }
}
