package com.alpha01.server.chat.application;

import com.alpha01.server.chat.domain.ShopActivity;
import com.alpha01.server.identity.Caller;
import com.alpha01.server.merchant.application.MerchantDirectory;
import com.alpha01.server.platform.config.ServerConfig;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A shop's figures for today, for its staff: today is the calendar day in {@link ServerConfig#zone()}.
 * Counted by {@link ShopActivity}, over the caller's own merchant only. An answer is a message that names a
 * customer message in {@code inReplyTo} (protocol rule 5); a question counts as answered by whoever
 * wrote its first answer, whenever that came.
 */
@Stateless
public class StatsService {

    @Inject
    ShopActivity activity;

    @Inject
    MerchantDirectory directory;

    /**
     * @param conversations     conversations with a customer message today
     * @param customerMessages  customer messages today
     * @param answered          of those, the ones an answer names
     * @param answeredByBot     answered first by the AI
     * @param answeredByStaff   answered first by staff
     * @param aiAnswerRate      answeredByBot / answered, 3 decimals; 0 when nothing was answered
     * @param waitingForStaff   conversations now QUEUED: no client of the shop online to take them
     * @param openConversations conversations now in any state but CLOSED
     */
    public record Today(LocalDate day, ZoneId zone, long conversations, long customerMessages, long answered,
                        long answeredByBot, long answeredByStaff, BigDecimal aiAnswerRate, long waitingForStaff,
                        long openConversations) {
    }

    /** The caller's merchant's figures (403 for a caller outside any merchant). */
    public Today today(Caller staff) {
        return today(directory.merchantOf(staff).id(), ServerConfig.zone(), Instant.now());
    }

    Today today(UUID merchantId, ZoneId zone, Instant now) {
        LocalDate day = LocalDate.ofInstant(now, zone);
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        ShopActivity.Questions q = activity.questions(merchantId, from, to);
        ShopActivity.Conversations c = activity.conversations(merchantId);
        return new Today(day, zone, q.conversations(), q.customerMessages(), q.answered(), q.answeredByBot(),
                q.answeredByStaff(), rate(q.answeredByBot(), q.answered()), c.queued(), c.open());
    }

    /** {@code part / whole} rounded half-up to 3 decimals (trailing zeros dropped); 0 when whole is 0. */
    static BigDecimal rate(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
