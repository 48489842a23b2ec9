package com.alpha01.client.ai;

import java.time.LocalDate;

/** Tokens used on one local day, and the budget for it (for the UI and the store). */
public record DailyUsage(LocalDate day, long tokens, long limit) {

    public long remaining() {
        return Math.max(0, limit - tokens);
    }

    public boolean exhausted() {
        return tokens >= limit;
    }
}
