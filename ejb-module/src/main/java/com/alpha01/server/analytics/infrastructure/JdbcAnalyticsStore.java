package com.alpha01.server.analytics.infrastructure;

import com.alpha01.server.analytics.application.AnalyticsStore;
import com.alpha01.server.analytics.application.Figures;
import com.alpha01.server.platform.Resources;
import com.alpha01.server.platform.config.ServerConfig;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** {@link AnalyticsStore} over the application's data source. */
@Stateless
public class JdbcAnalyticsStore implements AnalyticsStore {

    @Resource(lookup = Resources.DATASOURCE)
    DataSource dataSource;

    @Override
    public Figures figures(Collection<UUID> merchants, LocalDate from, LocalDate to) {
        try (Connection con = dataSource.getConnection()) {
            return AnalyticsQueries.figures(con, merchants, from, to, ServerConfig.zone());
        } catch (SQLException e) {
            throw new IllegalStateException("figures could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<UUID, Figures.Totals> totalsByShop(Collection<UUID> merchants, LocalDate from, LocalDate to) {
        try (Connection con = dataSource.getConnection()) {
            return AnalyticsQueries.totalsByShop(con, merchants, from, to);
        } catch (SQLException e) {
            throw new IllegalStateException("figures could not be read: " + e.getMessage(), e);
        }
    }
}
