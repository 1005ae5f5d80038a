package coop.mutua.app.support;

import coop.mutua.testsupport.TestDatabase;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points each Spring test context at a database of its own on the chosen test server, and at the test SMTP server. */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(TestDatabase.newDatabaseProperties()).and(TestMail.properties()).applyTo(context.getEnvironment());
        TestDatabase.using(context);
    }
}
