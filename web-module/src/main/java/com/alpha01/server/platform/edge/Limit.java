package com.alpha01.server.platform.edge;

import com.alpha01.server.platform.config.Settings;

/**
 * One rate limit: a burst of {@code burst} requests, refilled at {@code perMinute}. Read from two
 * settings, {@code <key>.burst} and {@code <key>.per-minute} (e.g. {@code ALPHA01_RATE_IP_BURST});
 * a burst of 0 switches the limit off.
 */
public record Limit(long burst, long perMinute) {

    public static final Limit OFF = new Limit(0, 0);

    public Limit {
        if (burst < 0 || perMinute < 0 || (burst > 0 && perMinute == 0)) {
            throw new IllegalArgumentException("a limit needs a burst >= 0 and, when on, a refill > 0 per minute");
        }
    }

    public boolean off() {
        return burst == 0;
    }

    /** The limit {@code key} sets, or {@code fallback} where it sets nothing (or nonsense). */
    static Limit read(Settings settings, String key, Limit fallback) {
        long burst = settings.number(key + ".burst", fallback.burst);
        long perMinute = settings.number(key + ".per-minute", fallback.perMinute);
        if (burst < 0 || perMinute < 0 || (burst > 0 && perMinute == 0)) {
            return fallback;
        }
        return new Limit(burst, perMinute);
    }
}
