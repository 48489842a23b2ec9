package com.alpha01.client.automation;

import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A five-field cron expression (minute hour day-of-month month day-of-week; {@code *}, lists, ranges, steps and
 * names such as {@code MON} or {@code JAN}; day-of-week 0-7 with 0 and 7 Sunday), evaluated on the shop's local
 * wall clock. Parsing and the search for the next minute are cron-utils' (D29); this class fixes the dialect:
 * when both day-of-month and day-of-week are restricted, a day must match <em>both</em> (as the app has always
 * done; classic Vixie cron would take either), and {@link #next} looks no further than a year and a day ahead.
 */
public final class Cron {

    private static final CronDefinition DIALECT = CronDefinitionBuilder.defineCron()
            .withMinutes().withValidRange(0, 59).withStrictRange().and()
            .withHours().withValidRange(0, 23).withStrictRange().and()
            .withDayOfMonth().withValidRange(1, 31).withStrictRange().and()
            .withMonth().withValidRange(1, 12).withStrictRange().and()
            .withDayOfWeek().withValidRange(0, 7).withMondayDoWValue(1).withIntMapping(7, 0).withStrictRange().and()
            .matchDayOfWeekAndDayOfMonth()
            .instance();
    private static final CronParser PARSER = new CronParser(DIALECT);
    /** The wall clock carries no zone here: UTC keeps minute arithmetic free of daylight-saving gaps. */
    private static final ZoneOffset WALL_CLOCK = ZoneOffset.UTC;
    private static final int HORIZON_DAYS = 367;

    private final String expression;
    private final ExecutionTime times;

    private Cron(String expression, ExecutionTime times) {
        this.expression = expression;
        this.times = times;
    }

    /** Parses an expression such as {@code 30 21 * * *} (21:30 daily); IllegalArgumentException when invalid. */
    public static Cron parse(String expression) {
        String text = expression.strip();
        if (text.split("\\s+").length != 5) {
            throw new IllegalArgumentException("a schedule has 5 fields (minute hour day month weekday): " + expression);
        }
        try {
            return new Cron(text, ExecutionTime.forCron(PARSER.parse(text).validate()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a schedule (" + e.getMessage() + "): " + expression, e);
        }
    }

    /** Whether the expression matches this minute. */
    public boolean matches(LocalDateTime t) {
        return times.isMatch(t.truncatedTo(ChronoUnit.MINUTES).atZone(WALL_CLOCK));
    }

    /** The first matching minute strictly after {@code after}, within a year and a day. */
    public Optional<LocalDateTime> next(LocalDateTime after) {
        ZonedDateTime from = after.truncatedTo(ChronoUnit.MINUTES).atZone(WALL_CLOCK);
        return times.nextExecution(from)
                .map(ZonedDateTime::toLocalDateTime)
                .filter(t -> t.isBefore(from.toLocalDateTime().plusMinutes(1).plusDays(HORIZON_DAYS)));
    }

    @Override
    public String toString() {
        return expression;
    }
}
