package coop.mutua.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Fails the test after which any projection holds a dead letter (but the test projection made to fail): an event that a
 * read model could not hold is a defect wherever it comes from (issue 15). Every {@link IntegrationTest} has it.
 */
public class NoDeadLetters implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        JdbcClient jdbc = SpringExtension.getApplicationContext(context).getBean(JdbcClient.class);
        assertThat(jdbc.sql("""
                        SELECT processinggroup || ' ' || sequenceidentifier || ' ' || payloadtype || ': ' || coalesce(causemessage, '')
                        FROM deadletterentry WHERE processinggroup <> :poison
                        UNION ALL SELECT processing_group || ' ' || sequence_identifier || ' dropped ' || dropped
                        FROM dead_letter_overflow WHERE processing_group <> :poison""")
                .param("poison", PoisonProjection.GROUP).query(String.class).list())
                .as("dead letters after " + context.getDisplayName()).isEmpty();
    }
}
