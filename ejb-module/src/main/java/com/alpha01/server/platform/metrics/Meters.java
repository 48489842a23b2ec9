package com.alpha01.server.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The application's meters, named once here (docs/operations.md lists them; ops/ has the alerts and
 * the dashboard on them). The registry is WildFly's (micrometer subsystem, Prometheus registry at the
 * management interface's {@code /prometheus}); on a server without the subsystem the meters still count,
 * in memory, and nothing exports them. Label values are small fixed sets (outcomes, codes, kinds):
 * never ids or user input. Meters registered here are removed when the application stops.
 */
@ApplicationScoped
public class Meters {

    private static final Logger LOG = Logger.getLogger(Meters.class);

    @Inject
    Instance<MeterRegistry> registries;

    private MeterRegistry registry = new SimpleMeterRegistry();
    private final List<Meter> registered = new CopyOnWriteArrayList<>();
    private final List<Supplier<Number>> gaugeSources = new CopyOnWriteArrayList<>();
    /** Counters and timers by name and label value: looked up on every message, registered once. */
    private final Map<String, Meter> meters = new ConcurrentHashMap<>();

    /** Meters on a registry of their own, for code run outside the container (unit tests). */
    public static Meters inMemory() {
        return new Meters();
    }

    @PostConstruct
    void bind() {
        if (registries != null && registries.isResolvable()) {
            registry = registries.get();
        } else {
            LOG.info("No metrics registry in this server (wildfly-config/configure-metrics.cli): meters stay in memory");
        }
    }

    @PreDestroy
    void unbind() {
        registered.forEach(registry::remove);
        registered.clear();
        meters.clear();
        gaugeSources.clear();
    }

    /** A message stored, by who wrote it ({@code customer}, {@code bot}, {@code staff}). */
    public void messageStored(String sender) {
        counter("alpha01.messages.stored", "sender", lower(sender)).increment();
    }

    /** Upper bounds of the answer-time buckets, in seconds (cumulative, as Prometheus histograms are). */
    static final double[] ANSWER_BUCKETS = {0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300};

    /**
     * The assistant's or staff's answer stored {@code took} after the question it answers: a timer
     * (count, sum, max) and a histogram's cumulative buckets as counters of answers within {@code le}
     * seconds, {@code alpha01_answer_within_seconds_total{le=…}}, which PromQL's {@code histogram_quantile}
     * reads as any histogram (a name of its own: {@code …_seconds_bucket} would clash with the timer's).
     */
    public void answered(String sender, Duration took) {
        String who = lower(sender);
        timer("alpha01.answer.time", "sender", who)
                .record(took);
        histogram("alpha01.answer.within.seconds", "sender", who, ANSWER_BUCKETS, took);
    }

    /** One observation into cumulative bucket counters {@code name{tag=value, le=…}} (Prometheus' histogram shape). */
    private void histogram(String name, String tag, String value, double[] bounds, Duration observed) {
        double seconds = observed.toNanos() / 1e9;
        for (double le : bounds) {
            if (seconds <= le) {
                bucket(name, tag, value, Double.toString(le)).increment();
            }
        }
        bucket(name, tag, value, "+Inf").increment();
    }

    private Counter bucket(String name, String tag, String value, String le) {
        return (Counter) meters.computeIfAbsent(name + '|' + value + '|' + le,
                k -> remember(registry.counter(name, Tags.of(tag, value, "le", le))));
    }

    /**
     * What merchant clients reported having done since their last report ({@code report} frames): answers by
     * the assistant and by staff ({@code alpha01_client_answers_total{by}}), hand-offs to staff, model (ZhipuAI)
     * errors, automation runs by outcome. The server's own {@code alpha01_messages_stored_total} counts what
     * it stored; these say what the clients did, offline answers and failed model calls included.
     */
    public void clientActivity(com.alpha01.server.merchant.domain.ClientActivity growth) {
        add(counter("alpha01.client.answers", "by", "ai"), growth.aiAnswers());
        add(counter("alpha01.client.answers", "by", "staff"), growth.staffAnswers());
        add(counter("alpha01.client.handoffs", "to", "staff"), growth.handOffs());
        add(counter("alpha01.client.model.errors", "model", "zhipuai"), growth.modelErrors());
        add(counter("alpha01.client.automation.runs", "outcome", "ok"), growth.automationRuns() - growth.automationFailures());
        add(counter("alpha01.client.automation.runs", "outcome", "failed"), growth.automationFailures());
    }

    private static void add(Counter counter, long amount) {
        if (amount > 0) {
            counter.increment(amount);
        }
    }

    /** Upper bounds of the delivery-lag buckets, in seconds. */
    static final double[] DELIVERY_BUCKETS = {0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60};

    /**
     * A message's first receipt came {@code lag} after it was stored: a timer
     * {@code alpha01_delivery_lag_seconds{to}} and cumulative buckets {@code alpha01_delivery_within_seconds_total{to,le}}
     * ({@code to} = client for customers' messages, customer for answers). Resends and reconnects show here.
     */
    public void deliveryLag(boolean toClient, Duration lag) {
        String to = toClient ? "client" : "customer";
        timer("alpha01.delivery.lag", "to", to).record(lag);
        histogram("alpha01.delivery.within.seconds", "to", to, DELIVERY_BUCKETS, lag);
    }

    /** Messages sent again to a peer that had not acknowledged them ({@code toClient} or to customers). */
    public void resent(boolean toClient, int count) {
        if (count > 0) {
            counter("alpha01.messages.resent", "to",
                    toClient ? "client" : "customer").increment(count);
        }
    }

    /** A conversation handed from one client to another (or queued) because its client went away. */
    public void failedOver(boolean queued) {
        counter("alpha01.conversations.failed.over", "to", queued ? "queue" : "client").increment();
    }

    /** A staff action on a conversation: {@code takeover} (hand-off to staff), {@code handback}, {@code close}. */
    public void staffAction(String action) {
        counter("alpha01.staff.actions", "action", lower(action))
                .increment();
    }

    /** A scan of a QR code's URL, by outcome. */
    public void qrScan(String outcome) {
        counter("alpha01.qr.scans", "outcome", lower(outcome)).increment();
    }

    /** A refusal sent to a peer or caller, by error code (rate limits, outages, bad input, server errors). */
    public void refused(String code) {
        counter("alpha01.refusals", "code", lower(code)).increment();
    }

    /** A request or frame over a rate limit, by limit. */
    public void rateLimited(String limit) {
        counter("alpha01.rate.limited", "limit", lower(limit))
                .increment();
    }

    /** A call to Keycloak's admin API and how it ended ({@code ok}, {@code refused}, {@code unreachable}). */
    public void keycloakCall(Duration took, String outcome) {
        timer("alpha01.keycloak.calls", "outcome", outcome).record(took);
    }

    /** A value read when scraped; {@code tags} are name/value pairs. Removed when the application stops. */
    public void gauge(String name, Supplier<Number> value, String... tags) {
        // The registry holds a gauge's object weakly: this list keeps it for the application's life.
        gaugeSources.add(value);
        registry.gauge(name, Tags.of(tags), value, v -> v.get().doubleValue());
        Meter gauge = registry.find(name).tags(tags).gauge();
        if (gauge != null) {
            registered.add(gauge);
        }
    }

    /** The registry the meters are in (WildFly's, or the in-memory one): for tests. */
    public MeterRegistry registry() {
        return registry;
    }

    /*
     * Meters go through the registry's own methods (counter, timer, gauge by name and tags), not the
     * builders: WildFly's application registry exports only what those create, and does not let a
     * deployment configure histograms (WFLYMMTREXT0015). A timer therefore exports its count, sum and
     * maximum, and the answer time's buckets are counters of their own (see answered).
     */
    private Counter counter(String name, String tag, String value) {
        return (Counter) meters.computeIfAbsent(name + '|' + value,
                k -> remember(registry.counter(name, Tags.of(tag, value))));
    }

    private Timer timer(String name, String tag, String value) {
        return (Timer) meters.computeIfAbsent(name + '|' + value,
                k -> remember(registry.timer(name, Tags.of(tag, value))));
    }

    private Meter remember(Meter m) {
        registered.add(m);
        return m;
    }

    private static String lower(String value) {
        return value == null ? "none" : value.toLowerCase(Locale.ROOT);
    }
}
