package coop.mutua.app.support;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The member's order page in a browser: a product's fields, typing as a person does, a line's outlook. */
public final class OrderPage {

    private final ChromeDriver browser;

    public OrderPage(ChromeDriver browser) {
        this.browser = browser;
    }

    public WebElement quantityFor(String product) {
        return field(product, ".quantity");
    }

    public WebElement toleranceFor(String product) {
        return field(product, ".tolerance");
    }

    /** Types over the field's value as a person does (select all, type, leave): one change event, not two. */
    public void type(WebElement input, String value) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
    }

    /** A line's outlook: the pool, what the member would receive and why, what would unlock more. */
    public String line(String productId) {
        return browser.findElement(By.id("line-" + productId)).getText();
    }

    /** An element's text, no-break spaces as plain ones. */
    public String text(String id) {
        return browser.findElement(By.id(id)).getText().replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private WebElement field(String product, String suffix) {
        return browser.findElement(By.xpath("//tr[th/span[normalize-space()='" + product + "']]//input[contains(@name, '" + suffix + "')]"));
    }
}
