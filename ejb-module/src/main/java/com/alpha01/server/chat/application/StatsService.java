package com.alpha01.server.chat.application;

import com.alpha01.server.identity.Caller;
import com.alpha01.server.merchant.application.MerchantDirectory;
import com.alpha01.server.platform.config.ServerConfig;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A shop's figures for today, for its staff: today is the calendar day in {@link ServerConfig#zone()}.
 * Two queries, both over the caller's own merchant only. An answer is a message that names a
 * customer message in {@code inReplyTo} (protocol rule 5); a question counts as answered by whoever
 * wrote its first answer, whenever that came.
 */
@Stateless
public class StatsService {

    /** Today's customer messages, and who first answered each (lateral: the lowest answering seq). */
    private static final String MESSAGES = "select count(distinct q.conversation_id), count(*), count(a.sender), "
            + "count(*) filter (where a.sender = 'BOT'), count(*) filter (where a.sender = 'STAFF') "
            + "from conversation c join chat_message q on q.conversation_id = c.id "
            + "left join lateral (select r.sender from chat_message r where r.conversation_id = q.conversation_id "
            + "and r.in_reply_to = q.seq and r.sender <> 'CUSTOMER' order by r.seq limit 1) a on true "
            + "where c.merchant_id = ? and q.sender = 'CUSTOMER' and q.created_at >= ? and q.created_at < ?";

    /** The merchant's conversations now: waiting for a client (QUEUED), and not closed. */
    private static final String CONVERSATIONS = "select count(*) filter (where state = 'QUEUED'), "
            + "count(*) filter (where state <> 'CLOSED') from conversation where merchant_id = ?";

    @PersistenceContext
    EntityManager em;

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
        Object[] m = (Object[]) em.createNativeQuery(MESSAGES).setParameter(1, merchantId)
                .setParameter(2, from).setParameter(3, to).getSingleResult();
        Object[] c = (Object[]) em.createNativeQuery(CONVERSATIONS).setParameter(1, merchantId).getSingleResult();
        long answered = number(m[2]);
        long byBot = number(m[3]);
        return new Today(day, zone, number(m[0]), number(m[1]), answered, byBot, number(m[4]),
                rate(byBot, answered), number(c[0]), number(c[1]));
    }

    /** {@code part / whole} rounded half-up to 3 decimals (trailing zeros dropped); 0 when whole is 0. */
    static BigDecimal rate(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
