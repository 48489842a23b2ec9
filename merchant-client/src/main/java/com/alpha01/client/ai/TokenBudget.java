package com.alpha01.client.ai;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * A daily token budget for the model: counts the usage ZhipuAI reports with each response, starts again at
 * local midnight ({@link Clock} injectable), and once spent makes the assistant answer in degraded mode without
 * calling the model. A response that starts under the budget is counted in full, so a day may end slightly over.
 * A limit of 0 means no model calls at all.
 */
public final class TokenBudget implements ChatModelListener {

    public static final long DEFAULT_DAILY_LIMIT = 200_000;
    private static final Logger LOG = Logger.getLogger(TokenBudget.class);

    private long limit;
    private final UsageStore store;
    private final Clock clock;
    private final List<Consumer<DailyUsage>> listeners = new CopyOnWriteArrayList<>();
    private LocalDate day;
    private long tokens;

    public TokenBudget(long dailyLimit, UsageStore store, Clock clock) {
        if (dailyLimit < 0) {
            throw new IllegalArgumentException("the daily token limit cannot be negative");
        }
        this.limit = dailyLimit;
        this.store = store;
        this.clock = clock;
        this.day = LocalDate.now(clock);
        store.load().filter(saved -> saved.day().equals(day)).ifPresent(saved -> tokens = saved.tokens());
    }

    /** A new daily limit from the settings, in force at once (raising it lifts a spent budget today). */
    public synchronized void limit(long dailyLimit) {
        if (dailyLimit < 0) {
            throw new IllegalArgumentException("the daily token limit cannot be negative");
        }
        limit = dailyLimit;
    }

    /** Today's usage (for the UI). */
    public synchronized DailyUsage today() {
        rollOver();
        return new DailyUsage(day, tokens, limit);
    }

    public boolean exhausted() {
        return today().exhausted();
    }

    /** Told when the count changes (the UI's usage display). */
    public void onChange(Consumer<DailyUsage> listener) {
        listeners.add(listener);
    }

    /** Counts {@code used} tokens against today. */
    public void record(long used) {
        if (used <= 0) {
            return;
        }
        DailyUsage now;
        synchronized (this) {
            rollOver();
            tokens += used;
            now = new DailyUsage(day, tokens, limit);
            try {
                store.save(new UsageStore.Saved(day, tokens));
            } catch (RuntimeException e) {
                LOG.warnf("Token usage not saved: %s", e.getClass().getSimpleName());
            }
        }
        if (now.exhausted()) {
            LOG.infof("Daily token budget of %d spent (%d used): answering without the model until midnight", limit,
                    now.tokens());
        }
        listeners.forEach(l -> l.accept(now));
    }

    /** Each model response (each tool round included) reports its usage here. */
    @Override
    public void onResponse(ChatModelResponseContext context) {
        TokenUsage usage = context.chatResponse() == null ? null : context.chatResponse().tokenUsage();
        if (usage != null) {
            Integer total = usage.totalTokenCount();
            record(total != null ? total : nonNull(usage.inputTokenCount()) + nonNull(usage.outputTokenCount()));
        }
    }

    private static long nonNull(Integer count) {
        return count == null ? 0 : count;
    }

    private void rollOver() {
        LocalDate now = LocalDate.now(clock);
        if (!now.equals(day)) {
            day = now;
            tokens = 0;
        }
    }
}
