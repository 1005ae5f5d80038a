package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.account.Accounts;
import coop.mutua.app.support.Browser;
import coop.mutua.app.support.BrowserTest;
import coop.mutua.app.support.Eventually;
import coop.mutua.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An operator's heavy actions ask first, in a real browser, even on forms that htmx does not take over (they post as
 * plain forms so that the page reloads whole): cancelling starts nothing, confirming starts the rebuild.
 */
@IntegrationTest
class OperatorConfirmationsBrowserTest extends BrowserTest {

    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Override
    protected String screenshotName() {
        return "browser-operator-confirmations.png";
    }

    @Test
    void rebuildingEveryReadModelIsConfirmedFirst() {
        String operator = "exploitation-" + System.nanoTime();
        accounts.createOperator(operator, PASSWORD, "Exploitation");
        long before = rebuilds();

        Browser.logIn(browser, wait, port, operator);
        browser.get("http://localhost:" + port + "/operator/read-models");
        By rebuildAll = By.cssSelector("#rebuild-form button[value=all]");
        wait.until(ExpectedConditions.elementToBeClickable(rebuildAll)).click();
        assertThat(wait.until(ExpectedConditions.alertIsPresent()).getText()).as("a rebuild of everything is confirmed first")
                .startsWith("Relire tous les événements");
        browser.switchTo().alert().dismiss();
        assertThat(browser.getCurrentUrl()).endsWith("/operator/read-models");
        assertThat(rebuilds()).as("cancelled: nothing started").isEqualTo(before);

        browser.findElement(rebuildAll).click();
        wait.until(ExpectedConditions.alertIsPresent());
        browser.switchTo().alert().accept();
        Eventually.equal(before + 1, this::rebuilds);
        Eventually.equal(0L, () -> jdbc.sql("SELECT count(*) FROM read_model_rebuild WHERE state NOT IN ('DONE', 'FAILED')")
                .query(Long.class).single());
    }

    private long rebuilds() {
        return jdbc.sql("SELECT count(*) FROM read_model_rebuild").query(Long.class).single();
    }
}
