package com.alpha01.server.analytics.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A period's figures of one shop or several (a chain), by day in each shop's time zone (docs/analytics.md).
 * Times are in seconds; rates are 0 … 1 with 3 decimals (0 when there is nothing to divide by); a percentile
 * is null when no conversation had that time in the period.
 */
public record Figures(LocalDate from, LocalDate to, Totals totals, List<Day> days, List<Staff> staff, long[] hours,
                      RatingSummary ratings, List<Funnel> qrCodes, List<Funnel> scenes, List<Unanswered> unanswered,
                      Automation automation) {

    /**
     * @param conversations      conversation-days with a customer message (a customer writing on three days counts three)
     * @param customers          distinct customers who wrote; {@code newCustomers} of them first came in the period
     * @param aiAnswerRate       the assistant's messages / all answers (assistant and staff)
     * @param handOffRate        conversation-days in which staff took over / conversations
     * @param kbHitRate          the assistant's answers resting on the shop's knowledge / its answers (greetings aside)
     */
    public record Totals(long conversations, long customers, long newCustomers, long returningCustomers, long messages,
                         long customerMessages, long aiAnswers, long staffAnswers, long handOffs, Double firstReplyP50,
                         Double firstReplyP90, Double resolutionP50, Double resolutionP90, double aiAnswerRate,
                         double handOffRate, double kbHitRate) {
    }

    /** One day's line (also of each store, in a chain's table). */
    public record Day(LocalDate day, long conversations, long newCustomers, long messages, long customerMessages,
                      long aiAnswers, long staffAnswers, long handOffs, long unanswered) {
    }

    /** A staff member: conversations they answered first (per day), and their messages. */
    public record Staff(String name, long conversations, long messages) {
    }

    /** Ratings given in the period: average (null: none), count per score (index 0 = 1 star), latest comments. */
    public record RatingSummary(Double average, long count, long[] byScore, List<Comment> comments) {
    }

    public record Comment(UUID conversationId, String store, int score, String comment, Instant at) {
    }

    /**
     * A QR code's (or a scene tag's) funnel: scans, valid ones, customers signed in through them, conversations
     * they led into, and those whose conversation got an answer on the scan's day or later. {@code key} is the
     * code's id (or the scene), {@code store} the code's shop (null for a scene, which may span stores).
     */
    public record Funnel(String key, String label, String scene, String store, long scans, long valid, long signedIn,
                         long conversations, long answered) {
    }

    /** A question the assistant could not answer (handed to staff, or fell back), as often as it was asked. */
    public record Unanswered(String question, long times, Instant lastAsked) {
    }

    /** What the clients reported: automation runs and failures, and the success rate (1 when none ran). */
    public record Automation(long runs, long failures, double successRate) {
    }
}
