package com.alpha01.server.platform.persistence;

import com.alpha01.server.platform.Resources;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import javax.sql.DataSource;

/**
 * Brings the schema up to date at deployment, before anything else touches the database (beans that
 * read it at start-up say {@code @DependsOn("SchemaMigrator")}). The work is {@link SchemaMigrations}'.
 * Bean-managed: Flyway commits each migration itself, outside any JTA transaction.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

    @Resource(lookup = Resources.DATASOURCE)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        new SchemaMigrations(dataSource).migrate();
    }
}
