package com.alpha01.server.analytics.application;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Reads a period's figures from the roll-up and the small tables beside it (the shops are already checked). */
public interface AnalyticsStore {

    Figures figures(Collection<UUID> merchants, LocalDate from, LocalDate to);

    /** Totals of each shop with any conversation in the period. */
    Map<UUID, Figures.Totals> totalsByShop(Collection<UUID> merchants, LocalDate from, LocalDate to);
}
