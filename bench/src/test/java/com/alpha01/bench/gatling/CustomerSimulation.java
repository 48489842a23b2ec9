package com.alpha01.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.http.HttpDsl.ws;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Alpha 01's customers as Gatling drives them (issue 14's cross-check by a load tool nobody here
 * wrote), against a stack someone else started (GatlingBenchIT: the ITs' WildFly, PostgreSQL and
 * Keycloak, merchant clients answering with a fixed text). Everything comes from system properties
 * ({@link Settings}). Three parts, one after the other:
 * <ol>
 *   <li><b>routing</b>: each customer of the feeder enters the real way with Gatling's HTTP client
 *   (QR URL {@code /connect} → chat page → Keycloak's login form, filled in → back on the chat page
 *   → {@code POST /api/v1/customer/sessions} → the one-time ticket), opens the customer socket, then
 *   writes one question a second ({@code pace}: the next leaves a second after the last one left, or
 *   at once when its answer took longer), each checked for its stored {@code ack} and the answer
 *   {@code message} naming it ({@code inReplyTo}), and acknowledges each answer with
 *   {@code delivered} as the chat page does. The first questions are the warm-up, named apart;</li>
 *   <li>then, at a steady rate each and at the same time: {@code /connect} with a valid QR URL (303),
 *   with a forged token (404), and the customer's history REST ({@code GET
 *   /api/v1/customer/conversations/{id}/messages}) by customers of the routing part, signed in again.</li>
 * </ol>
 */
public class CustomerSimulation extends Simulation {

    /** Names the report reads (GatlingBenchIT); the warm-up's carry a prefix. */
    static final String ACK = "ack";
    static final String ANSWER = "answer";
    static final String WARM_UP = "warm-up ";
    static final String ENTRY = "entry";
    /** How long customers who entered wait for the others (an entry that failed never arrives). */
    private static final Duration ENTRY_DEADLINE = Duration.ofMinutes(10);

    /** Customers of the routing part past their entry (OK or not): the questions wait for all of them. */
    private static final AtomicInteger ARRIVED = new AtomicInteger();

    private final Settings settings = Settings.fromSystemProperties();

    private final HttpProtocolBuilder protocol = http.baseUrl(settings.server())
            // Gatling's default warm-up request goes to its own web site: this machine reaches no such host.
            .warmUp(settings.server() + "/api/v1/health")
            .acceptHeader("text/html,application/json")
            .acceptLanguageHeader("zh-CN,zh;q=0.9")
            .userAgentHeader("Gatling (Alpha 01 bench)")
            .disableCaching();

    /** The chat page's entry: scan, sign in through Keycloak's form, open the chat session (a ticket). */
    private static ChainBuilder enter(String name) {
        return group(name).on(
                exec(http("connect").get("#{qr}").disableFollowRedirect()
                        .check(status().is(303), header("Location").transform(l -> l.substring(l.indexOf("scan=") + 5))
                                .saveAs("scan"))),
                // The chat page is signed-in only: its redirect lands on Keycloak's login form.
                exec(http("chat page").get("/chat/?scan=#{scan}")
                        .check(status().is(200), css("#kc-form-login", "action").saveAs("loginAction"),
                                css("#password").count().saveAs("passwordFields"))),
                // With organizations on, Keycloak asks for the user name first, then the password.
                doIf(session -> session.getInt("passwordFields") == 0).then(
                        exec(http("sign-in user name").post("#{loginAction}").formParam("username", "#{username}")
                                .check(status().is(200), css("#kc-form-login", "action").saveAs("loginAction")))),
                exec(http("sign-in").post("#{loginAction}").formParam("username", "#{username}")
                        .formParam("password", "#{password}").formParam("credentialId", "")
                        // Back through the server's OIDC callback to the chat page itself.
                        .check(status().is(200), css("#composer").exists())),
                exec(http("chat session").post("/api/v1/customer/sessions")
                        .header("X-Requested-With", "XMLHttpRequest").header("Content-Type", "application/json")
                        .body(StringBody("{\"scan\":\"#{scan}\"}"))
                        .check(status().is(200), jsonPath("$.ticket").saveAs("ticket"),
                                jsonPath("$.conversationId").saveAs("conversationId"))));
    }

    /** One question, its stored ack and its answer, then the receipt the chat page sends for the answer. */
    private static ChainBuilder question(String prefix) {
        return exec(session -> {
            int k = session.getInt("k") + 1;
            String phase = prefix.isEmpty() ? "m" : "w";
            return session.set("qid", "gatling-" + session.userId() + "-" + phase + "-" + k).set("q", k);
        }).exec(ws("question").sendText("{\"type\":\"send\",\"id\":\"#{qid}\",\"text\":\"第#{q}个问题：营业到几点？\"}")
                .await(Duration.ofSeconds(60)).on(
                        ws.checkTextMessage(prefix + ACK)
                                .matching(jsonPath("$.type").is("ack"), jsonPath("$.id").isEL("#{qid}"))
                                .check(jsonPath("$.seq").ofLong().saveAs("seq")),
                        ws.checkTextMessage(prefix + ANSWER)
                                .matching(jsonPath("$.type").is("message"),
                                        jsonPath("$.inReplyTo").ofLong().is(session -> session.getLong("seq")))
                                .check(jsonPath("$.sender").is("BOT"), jsonPath("$.seq").ofLong().saveAs("answerSeq"))))
                .exec(ws("delivered").sendText(
                        "{\"type\":\"delivered\",\"conversationId\":\"#{conversationId}\",\"seq\":#{answerSeq}}"));
    }

    private ScenarioBuilder routing() {
        return scenario("routing").feed(csv(settings.customers()).queue())
                .exec(enter(ENTRY))
                .exitHereIfFailed()
                .exec(ws("customer socket").connect(settings.socketBase() + "/ws/customer?ticket=#{ticket}")
                        .await(Duration.ofSeconds(30)).on(ws.checkTextMessage("welcome")
                                .matching(jsonPath("$.type").is("welcome"))))
                .exec(session -> {
                    ARRIVED.incrementAndGet();
                    return session;
                })
                .exitHereIfFailed()
                // As in RoutingBenchIT: everyone enters first, then the questions start (no sign-in under the load).
                .asLongAsDuring(session -> ARRIVED.get() < settings.customerCount(), ENTRY_DEADLINE)
                .on(pause(Duration.ofMillis(50)))
                // A random phase each, as RoutingBenchIT's customers, not a burst of everyone on the same tick.
                .pause(Duration.ZERO, Duration.ofSeconds(1))
                .repeat(settings.warmupQuestions(), "k").on(pace(Duration.ofSeconds(1)).exec(question(WARM_UP)))
                .repeat(settings.questions(), "k").on(pace(Duration.ofSeconds(1)).exec(question("")))
                .exec(ws("close").close());
    }

    private ScenarioBuilder connectValid() {
        return scenario("connect, valid QR").exec(http("connect valid QR").get(settings.qr()).disableFollowRedirect()
                .check(status().is(303)));
    }

    private ScenarioBuilder connectForged() {
        return scenario("connect, forged QR").exec(http("connect forged QR").get(settings.forgedQr())
                .disableFollowRedirect().check(status().is(404)));
    }

    /** Readers: customers of the routing part (the feeder's first rows), signed in again, paging their history. */
    private ScenarioBuilder history() {
        Duration period = Duration.ofMillis(Math.round(1000.0 * settings.readers() / settings.httpRate()));
        return scenario("history").feed(csv(settings.customers()).queue())
                .exec(enter("reader entry"))
                .exitHereIfFailed()
                .exec(during(Duration.ofSeconds(settings.httpSeconds())).on(pace(period).exec(
                        http("history").get("/api/v1/customer/conversations/#{conversationId}/messages?limit=50")
                                .header("X-Requested-With", "XMLHttpRequest")
                                .check(status().is(200), jsonPath("$.messages[*].seq").count().gte(1)))));
    }

    {
        // Whole seconds: a ramp shorter than Gatling's one-second injection batch never starts its users (3.15.1).
        long entrySpan = Math.max(1, (long) Math.ceil(settings.customerCount() / settings.entryRate()));
        Duration steady = Duration.ofSeconds(settings.httpSeconds());
        setUp(routing().injectOpen(rampUsers(settings.customerCount()).during(Duration.ofSeconds(entrySpan)))
                .andThen(connectValid().injectOpen(constantUsersPerSec(settings.httpRate()).during(steady)),
                        connectForged().injectOpen(constantUsersPerSec(settings.httpRate()).during(steady)),
                        history().injectOpen(atOnceUsers(settings.readers()))))
                .protocols(protocol);
    }
}
