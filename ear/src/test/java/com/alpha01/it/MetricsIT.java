package com.alpha01.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alpha01.client.auth.KeycloakSession;
import com.alpha01.protocol.ErrorCode;
import com.alpha01.protocol.Frame;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Prometheus endpoint that {@code configure-metrics.cli} sets up on the management interface,
 * scraped around a real exchange (a scan, a question, a staff answer, a forged scan): the
 * application's counters move by what happened, the gauges see the open sockets, and WildFly's own
 * subsystem metrics are there beside them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT {

    private static final URI PROMETHEUS = URI.create("http://127.0.0.1:"
            + Integer.getInteger("alpha01.it.mgmt.port") + "/prometheus");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void a_real_exchange_moves_the_counters_on_the_prometheus_endpoint() throws Exception {
        String before = scrape();
        double customers = value(before, "alpha01_messages_stored_total{sender=\"customer\"}");
        double staff = value(before, "alpha01_messages_stored_total{sender=\"staff\"}");
        double valid = value(before, "alpha01_qr_scans_total{outcome=\"valid\"}");
        double forged = value(before, "alpha01_qr_scans_total{outcome=\"forged\"}");
        double answers = value(before, "alpha01_answer_time_seconds_count{sender=\"staff\"}");
        double inBuckets = value(before, "alpha01_answer_within_seconds_total{le=\"+Inf\"}");
        double deliveredToCustomers = value(before, "alpha01_delivery_lag_seconds_count{to=\"customer\"}");

        try (ChatScene scene = ChatScene.open("metrics", "可以开发票吗")) {
            scene.client.send(new Frame.Reply("metrics-answer-1", scene.conv, "可以，请留下抬头", Frame.Sender.STAFF,
                    scene.question));
            scene.customer.await(Frame.Message.class, m -> Long.valueOf(scene.question).equals(m.inReplyTo()));
            Customers.scan(scene.qr.url().replaceAll("token=[^&]+", "token=forged-token-0000"));

            String after = scrape();
            assertEquals(customers + 1, value(after, "alpha01_messages_stored_total{sender=\"customer\"}"));
            assertEquals(staff + 1, value(after, "alpha01_messages_stored_total{sender=\"staff\"}"));
            assertEquals(valid + 1, value(after, "alpha01_qr_scans_total{outcome=\"valid\"}"));
            assertEquals(forged + 1, value(after, "alpha01_qr_scans_total{outcome=\"forged\"}"));
            assertEquals(answers + 1, value(after, "alpha01_answer_time_seconds_count{sender=\"staff\"}"));
            assertEquals(inBuckets + 1, value(after, "alpha01_answer_within_seconds_total{le=\"+Inf\"}"),
                    "the answer time is a histogram too (its buckets, for p50/p99 in PromQL)");
            // The customer's tab acknowledges the answer: its delivery lag is measured once.
            Waits.until("the answer's receipt measured as delivery lag", () -> value(scrape(),
                    "alpha01_delivery_lag_seconds_count{to=\"customer\"}") >= deliveredToCustomers + 1);
            assertTrue(value(scrape(), "alpha01_delivery_within_seconds_total{le=\"+Inf\"}") >= 1, "and as a histogram");
            // Gauges are read every 10 s: wait for one read that sees this scene's sockets.
            Waits.until("the socket gauges see the open client and customer", () -> {
                String now = scrape();
                return value(now, "alpha01_sockets_open{kind=\"client\"}") >= 1
                        && value(now, "alpha01_sockets_open{kind=\"customer\"}") >= 1;
            });
            assertTrue(Pattern.compile("(?m)^alpha01_dead_letters[ {]").matcher(after).find(), "the dead-letter gauge");
            assertTrue(Pattern.compile("(?m)^alpha01_shops_waiting_without_client[ {]").matcher(after).find(),
                    "the waiting-shops gauge");
            assertTrue(Pattern.compile("(?m)^datasources_pool_in_use_count\\{[^}]*name=\"Alpha01DS\"").matcher(after).find(),
                    "WildFly's own metrics beside them (the application's connection pool)");
        }
    }

    @Test
    void a_clients_reports_are_counted_by_their_growth_and_listed_for_its_shop_only() throws Exception {
        String before = scrape();
        double ai = value(before, "alpha01_client_answers_total{by=\"ai\"}");
        double staffAnswers = value(before, "alpha01_client_answers_total{by=\"staff\"}");
        double handOffs = value(before, "alpha01_client_handoffs_total{to=\"staff\"}");
        double modelErrors = value(before, "alpha01_client_model_errors_total{model=\"zhipuai\"}");
        double runsOk = value(before, "alpha01_client_automation_runs_total{outcome=\"ok\"}");
        double runsFailed = value(before, "alpha01_client_automation_runs_total{outcome=\"failed\"}");
        try (ChatScene scene = ChatScene.open("report", null)) {
            String clientId = scene.registration.clientId();
            scene.client.send(new Frame.Report(5, 2, 1, 1, 3, 1, 800, 2000));
            JsonObject listed = awaitListed(scene.staff.get(), clientId, 5);
            assertTrue(listed.getBoolean("online"));
            assertEquals(2000, listed.getJsonObject("activity").getInt("aiAnswerP90Ms"));
            assertEquals(1, listed.getJsonObject("activity").getInt("automationFailures"));

            scene.client.send(new Frame.Report(7, 2, 1, 1, 3, 1, 900, 2100)); // +2 by the assistant
            awaitListed(scene.staff.get(), clientId, 7);
            // Malformed: an error frame, and the socket goes on.
            scene.client.sendRaw("{\"type\":\"report\",\"aiAnswers\":-3,\"staffAnswers\":0,\"handOffs\":0,"
                    + "\"modelErrors\":0,\"automationRuns\":0,\"automationFailures\":0}");
            assertEquals(ErrorCode.BAD_FRAME, scene.client.await(Frame.Error.class).code());
            scene.client.send(new Frame.Report(1, 0, 0, 0, 0, 0, -1, -1)); // the app started again: all of it is new
            JsonObject restarted = awaitListed(scene.staff.get(), clientId, 1);
            JsonValue p50 = restarted.getJsonObject("activity").get("aiAnswerP50Ms");
            assertTrue(p50 == null || p50 == JsonValue.NULL, "no answer times yet: " + restarted);

            String after = scrape();
            assertEquals(ai + 5 + 2 + 1, value(after, "alpha01_client_answers_total{by=\"ai\"}"));
            assertEquals(staffAnswers + 2, value(after, "alpha01_client_answers_total{by=\"staff\"}"));
            assertEquals(handOffs + 1, value(after, "alpha01_client_handoffs_total{to=\"staff\"}"));
            assertEquals(modelErrors + 1, value(after, "alpha01_client_model_errors_total{model=\"zhipuai\"}"));
            assertEquals(runsOk + 2, value(after, "alpha01_client_automation_runs_total{outcome=\"ok\"}"));
            assertEquals(runsFailed + 1, value(after, "alpha01_client_automation_runs_total{outcome=\"failed\"}"));

            TestEnvironment.Account other = TestEnvironment.newStaff("other-shop");
            try (KeycloakSession otherStaff = KeycloakSession.signIn(TestEnvironment.issuer(), other.username(),
                    other.password().toCharArray())) {
                HttpResponse<String> theirs = Rest.get(otherStaff.get(), "/api/v1/clients");
                assertEquals(200, theirs.statusCode(), theirs.body());
                assertFalse(theirs.body().contains(clientId), "another shop's staff never see this client");
            }
        }
    }

    /** The caller's shop's client {@code clientId} once its listed report says {@code aiAnswers}. */
    private static JsonObject awaitListed(String token, String clientId, long aiAnswers) throws Exception {
        JsonObject[] found = new JsonObject[1];
        Waits.until("client " + clientId + " listed with " + aiAnswers + " AI answers", () -> {
            HttpResponse<String> r = Rest.get(token, "/api/v1/clients");
            assertEquals(200, r.statusCode(), r.body());
            for (JsonValue v : Json.createReader(new StringReader(r.body())).readArray()) {
                JsonObject c = v.asJsonObject();
                if (c.getString("clientId").equals(clientId) && c.get("activity") instanceof JsonObject a
                        && a.getJsonNumber("aiAnswers").longValue() == aiAnswers) {
                    found[0] = c;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    static String scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(PROMETHEUS).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    /**
     * The value of {@code series} ({@code name{label="value"}}): the sum over every sample of that name
     * carrying that label (the registry may add labels of its own), 0 when there is none yet (a counter
     * nothing has counted).
     */
    static double value(String exposition, String series) {
        int brace = series.indexOf('{');
        String name = series.substring(0, brace);
        String label = series.substring(brace + 1, series.length() - 1);
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(exposition);
        double sum = 0;
        while (m.find()) {
            if (("," + m.group(1) + ",").contains("," + label + ",")) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }
}
