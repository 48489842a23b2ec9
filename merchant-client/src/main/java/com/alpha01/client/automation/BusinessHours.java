package com.alpha01.client.automation;

import java.time.LocalTime;
import java.time.ZonedDateTime;

/** Opening hours, the same every day; closing after midnight (e.g. 18:00-02:00) is allowed. */
public record BusinessHours(LocalTime open, LocalTime close) {

    public static final BusinessHours DEFAULT = new BusinessHours(LocalTime.of(9, 0), LocalTime.of(21, 0));

    public BusinessHours {
        if (open == null || close == null || open.equals(close)) {
            throw new IllegalArgumentException("opening and closing time must differ");
        }
    }

    public boolean isOpen(ZonedDateTime t) {
        LocalTime now = t.toLocalTime();
        return open.isBefore(close) ? !now.isBefore(open) && now.isBefore(close)
                : !now.isBefore(open) || now.isBefore(close);
    }
}
