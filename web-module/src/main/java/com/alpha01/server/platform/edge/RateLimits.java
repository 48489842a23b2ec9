package com.alpha01.server.platform.edge;

import com.alpha01.server.platform.config.Settings;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The server's HTTP rate limits (D43): a Bucket4j token bucket per key and kind, kept in a bounded
 * Caffeine cache (a key unused for half an hour is forgotten, so random keys cannot fill memory).
 * Limits hold per node: behind a load balancer spreading one caller over n nodes, a caller gets up to
 * n times the figure. A key's first refusal is logged once; the rest of its refusals are not, until it is
 * let through again (a flood writes one line, not one per request). Thread-safe.
 */
public final class RateLimits {

    /** The servlet context attribute under which the deployment's limits live. */
    public static final String ATTRIBUTE = RateLimits.class.getName();

    private static final Logger LOG = Logger.getLogger(RateLimits.class);
    private static final int MAX_KEYS = 100_000;
    private static final int MAX_KEY_LENGTH = 200;

    /** What is counted, with the settings key of its limit and the default. */
    public enum Kind {
        /** Every request one address makes to {@code /connect}, {@code /api} and the sockets' handshakes. */
        ADDRESS("rate.ip", new Limit(200, 3000)),
        /** QR scans from one address that did not let anyone in (forged, expired, revoked, used up). */
        BAD_SCAN("rate.bad-scan", new Limit(20, 10)),
        /** Scans of one QR code. */
        QR("rate.qr", new Limit(120, 600)),
        /** REST calls of one signed-in user (customer or staff). */
        USER("rate.user", new Limit(120, 1200)),
        /** REST calls of one shop's staff together. */
        MERCHANT("rate.merchant", new Limit(600, 6000));

        final String key;
        final Limit fallback;

        Kind(String key, Limit fallback) {
            this.key = key;
            this.fallback = fallback;
        }

        /** What a log line may say of a key: addresses cut to their network, codes to their merchant. */
        String shown(String key) {
            return switch (this) {
                case ADDRESS, BAD_SCAN -> Addresses.masked(key);
                case QR -> "a QR code of merchant " + key.substring(0, Math.max(0, key.indexOf('|')));
                case USER, MERCHANT -> key;
            };
        }
    }

    /** Let through, or refused with the seconds after which asking again may succeed. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
        static final Decision ALLOWED = new Decision(true, 0);

        static Decision refused(long nanosToWait) {
            return new Decision(false, Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToWait + 999_999_999L)));
        }
    }

    private record Metered(Bucket bucket, AtomicBoolean refusing) {
    }

    private final Map<Kind, Limit> limits;
    private final Set<String> exempt;
    private final TimeMeter clock;
    private volatile Consumer<Kind> refusals = kind -> { };
    private final Map<Kind, Cache<String, Metered>> buckets = new EnumMap<>(Kind.class);

    RateLimits(Map<Kind, Limit> limits, Set<String> exempt, TimeMeter clock) {
        this.limits = new EnumMap<>(limits);
        this.exempt = Set.copyOf(exempt);
        this.clock = clock;
        for (Kind kind : Kind.values()) {
            // Maintenance on the caller's thread: no pool of the cache's own inside the application server.
            buckets.put(kind, Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(Duration.ofMinutes(30))
                    .executor(Runnable::run).build());
        }
    }

    /**
     * The limits the settings set ({@code ALPHA01_RATE_<KIND>_BURST}, {@code …_PER_MINUTE}), and the
     * addresses {@code ALPHA01_RATE_EXEMPT} (comma-separated) lets through unmetered.
     */
    public static RateLimits from(Settings settings) {
        Map<Kind, Limit> limits = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            limits.put(kind, Limit.read(settings, kind.key, kind.fallback));
        }
        Set<String> exempt = settings.text("rate.exempt")
                .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(a -> !a.isEmpty())
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
        return new RateLimits(limits, exempt, TimeMeter.SYSTEM_NANOTIME);
    }

    public Limit limit(Kind kind) {
        return limits.get(kind);
    }

    /** Whether the operator exempted this address from the per-address limits (e.g. a health checker). */
    public boolean exempt(String address) {
        return exempt.contains(address);
    }

    /** Counts one request of {@code key} against {@code kind}'s limit. */
    public Decision take(Kind kind, String key) {
        Metered metered = metered(kind, key);
        if (metered == null) {
            return Decision.ALLOWED;
        }
        ConsumptionProbe probe = metered.bucket().tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            metered.refusing().set(false);
            return Decision.ALLOWED;
        }
        return refused(kind, key, metered, probe.getNanosToWaitForRefill());
    }

    /** {@code listener} hears every refusal, by kind (the metrics count them); one listener, replaced by the next. */
    public void onRefused(Consumer<Kind> listener) {
        this.refusals = listener;
    }

    private Decision refused(Kind kind, String key, Metered metered, long nanosToWait) {
        refusals.accept(kind);
        Decision refused = Decision.refused(nanosToWait);
        if (metered.refusing().compareAndSet(false, true)) {
            LOG.infof("Rate limit %s reached by %s: refused for about %d s (further refusals not logged)",
                    kind, kind.shown(key), refused.retryAfterSeconds());
        }
        return refused;
    }

    /** Whether {@code key} could take one request of {@code kind} now, without counting it (a refusal is logged as by take). */
    public Decision peek(Kind kind, String key) {
        Metered metered = metered(kind, key);
        if (metered == null) {
            return Decision.ALLOWED;
        }
        EstimationProbe probe = metered.bucket().estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Decision.ALLOWED : refused(kind, key, metered, probe.getNanosToWaitForRefill());
    }

    private Metered metered(Kind kind, String key) {
        Limit limit = limits.get(kind);
        if (limit.off() || key == null) {
            return null;
        }
        String bounded = key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
        return buckets.get(kind).get(bounded, k -> new Metered(bucket(limit), new AtomicBoolean()));
    }

    private Bucket bucket(Limit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.burst())
                        .refillGreedy(limit.perMinute(), Duration.ofMinutes(1)).build())
                .withCustomTimePrecision(clock)
                .build();
    }
}
