package com.alpha01.server.analytics.infrastructure;

import com.alpha01.server.chat.application.IdleConversations;
import com.alpha01.server.platform.config.ServerConfig;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Every 15 seconds: conversations idle past {@code ALPHA01_CONVERSATION_IDLE_SECONDS} are closed
 * ({@link IdleConversations}), then the daily roll-up takes in what changed ({@link RollupPass}), so a shop's
 * figures trail its conversations by a pass at most. A pass still running when the next is due is skipped.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AnalyticsTimer {

    private static final Logger LOG = Logger.getLogger(AnalyticsTimer.class);

    @Inject
    IdleConversations idle;

    @Inject
    RollupPass rollup;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false, info = "alpha01-analytics")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            Duration after = ServerConfig.conversationIdle();
            if (!after.isZero()) {
                idle.closeIdle(after);
            }
            rollup.run();
        } catch (RuntimeException e) {
            LOG.warnf("Idle close or roll-up failed (next try in 15 s): %s", e.toString());
        } finally {
            running.set(false);
        }
    }
}
