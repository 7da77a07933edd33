package org.custodian.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver (no browser download), with the flags this
 * closed network needs. Saves a screenshot and the page source under target/ when a test fails.
 */
final class Browser implements TestWatcher, AutoCloseable {

    static final String CHROMIUM = System.getProperty("custodian.it.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("custodian.it.chromedriver", "/usr/bin/chromedriver");

    private String base;
    private ChromeDriver driver;
    private Path profile;

    /** The application's address, known once Arquillian has deployed it. */
    void base(String url) {
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    ChromeDriver driver() {
        if (driver == null) {
            try {
                profile = Files.createTempDirectory("custodian-chromium");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        }
        return driver;
    }

    void open(String path) {
        driver().get(base + (path.startsWith("/") ? path : "/" + path));
    }

    String path() {
        String url = driver().getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    WebElement find(String cssSelector) {
        return await(driver -> driver.findElement(By.cssSelector(cssSelector)));
    }

    /** By Faces client id, which contains colons; waits for it while a page is still arriving. */
    WebElement byId(String id) {
        return await(driver -> driver.findElement(By.id(id)));
    }

    void type(String id, String text) {
        WebElement input = byId(id);
        if ("select".equals(input.getTagName())) {
            // pick lists (#23): "typing" a value into one chooses the option with that value
            new Select(input).selectByValue(text);
            return;
        }
        input.clear();
        input.sendKeys(text);
    }

    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver(), Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** Clicks a button that submits its form (no Ajax) and waits until the next page has loaded. */
    void submit(String id) {
        WebElement page = driver().findElement(By.tagName("html"));
        byId(id).click();
        new WebDriverWait(driver(), Duration.ofSeconds(60)).until(driver -> gone(page));
        await(driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    /** Whether the element's document was replaced (Chromium reports it in more than one way). */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException | NoSuchElementException e) {
            return true;
        } catch (WebDriverException e) {
            return e.getMessage() != null && e.getMessage().contains("does not belong to the document");
        }
    }

    String sessionCookie() {
        Cookie cookie = driver().manage().getCookieNamed("JSESSIONID");
        return cookie == null ? null : cookie.getValue();
    }

    Cookie sessionCookieDetails() {
        return driver().manage().getCookieNamed("JSESSIONID");
    }

    /** A fresh start for the next user: no cookies, a blank page. */
    void reset() {
        if (driver != null) {
            driver.manage().deleteAllCookies();
            driver.get("about:blank");
        }
    }

    /** A screenshot of the current page into target/portal-screenshots/{name}.png, to look at after a run. */
    void screenshot(String name) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "portal-screenshots"));
            File shot = ((TakesScreenshot) driver()).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            System.err.println("no screenshot " + name + ": " + e);
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver == null) {
            return;
        }
        try {
            Path directory = Path.of("target", "portal-screenshots");
            Files.createDirectories(directory);
            String name = context.getRequiredTestMethod().getName();
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(directory.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            System.err.println("no screenshot: " + e);
        }
    }

    @Override
    public void close() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }
}
