package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Creates Spring Batch's job repository tables with the PostgreSQL script that ships inside spring-batch-core, so
 * that the schema always matches the library version and is still versioned by Flyway like every other table.
 */
public class V2026_11_26_02__spring_batch_schema extends BaseJavaMigration {

    private static final String SCRIPT = "org/springframework/batch/core/schema-postgresql.sql";

    @Override
    public void migrate(Context context) {
        ResourceDatabasePopulator populator = new ResourceDatabasePopulator(new ClassPathResource(SCRIPT));
        populator.setContinueOnError(false);
        populator.execute(new SingleConnectionDataSource(context.getConnection(), true));
    }
}
