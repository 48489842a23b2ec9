package com.alpha01.client.automation;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Optional;

/**
 * A five-field cron expression (minute hour day-of-month month day-of-week; {@code *}, lists,
 * ranges and steps; day-of-week 0-7 with 0 and 7 Sunday), evaluated in local time.
 */
public final class Cron {

    private final String expression;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet days;
    private final BitSet months;
    private final BitSet weekdays;

    private Cron(String expression, BitSet[] fields) {
        this.expression = expression;
        this.minutes = fields[0];
        this.hours = fields[1];
        this.days = fields[2];
        this.months = fields[3];
        this.weekdays = fields[4];
    }

    /** Parses an expression such as {@code 30 21 * * *} (21:30 daily); IllegalArgumentException when invalid. */
    public static Cron parse(String expression) {
        String[] parts = expression.strip().split("\\s+");
        if (parts.length != 5) {
            throw new IllegalArgumentException("a schedule has 5 fields (minute hour day month weekday): " + expression);
        }
        int[][] ranges = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}};
        BitSet[] fields = new BitSet[5];
        for (int i = 0; i < 5; i++) {
            fields[i] = field(parts[i], ranges[i][0], ranges[i][1]);
        }
        if (fields[4].get(7)) {
            fields[4].set(0);
        }
        return new Cron(expression.strip(), fields);
    }

    private static BitSet field(String text, int min, int max) {
        BitSet set = new BitSet();
        for (String item : text.split(",")) {
            String range = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                step = number(item.substring(slash + 1), 1, max);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                from = number(range.substring(0, range.indexOf('-')), min, max);
                to = number(range.substring(range.indexOf('-') + 1), min, max);
            } else {
                from = number(range, min, max);
                to = slash >= 0 ? max : from;
            }
            if (from > to) {
                throw new IllegalArgumentException("range " + range + " runs backwards");
            }
            for (int v = from; v <= to; v += step) {
                set.set(v);
            }
        }
        return set;
    }

    private static int number(String s, int min, int max) {
        try {
            int v = Integer.parseInt(s);
            if (v < min || v > max) {
                throw new IllegalArgumentException(s + " is outside " + min + "-" + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + s);
        }
    }

    /** Whether the expression matches this minute. */
    public boolean matches(LocalDateTime t) {
        return minutes.get(t.getMinute()) && hours.get(t.getHour()) && days.get(t.getDayOfMonth())
                && months.get(t.getMonthValue()) && weekdays.get(t.getDayOfWeek().getValue() % 7);
    }

    /** The first matching minute strictly after {@code after}, within a year and a day. */
    public Optional<LocalDateTime> next(LocalDateTime after) {
        LocalDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDateTime end = t.plusDays(367);
        while (t.isBefore(end)) {
            if (!months.get(t.getMonthValue()) || !days.get(t.getDayOfMonth())
                    || !weekdays.get(t.getDayOfWeek().getValue() % 7)) {
                t = t.plusDays(1).truncatedTo(ChronoUnit.DAYS);
            } else if (!hours.get(t.getHour())) {
                t = t.plusHours(1).truncatedTo(ChronoUnit.HOURS);
            } else if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return expression;
    }
}
