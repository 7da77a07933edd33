package org.custodian.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
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
 * closed network needs. Every page a test class opens or reaches by a form is screenshotted into
 * target/portal-screenshots/ on every run, once per class (the first time it is shown, at the width then set: a
 * whole-page shot costs about a second, and the same page again, later or narrower, showed nothing new)
 * ({@code <Class>-<test>-<NN>-<page>[-<width>px].png}), to look at; when a
 * test fails, its last screen and the page source are saved there too under the test's name. Waits poll every
 * {@link #POLL} (Selenium's default of half a second made every wait for a next page or an Ajax answer cost up to
 * that much). Registered as a static field of a test class, it closes itself after the class.
 */
final class Browser implements TestWatcher, BeforeEachCallback, AfterAllCallback, AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");

    static final String CHROMIUM = System.getProperty("custodian.it.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("custodian.it.chromedriver", "/usr/bin/chromedriver");
    /** How often a wait looks again: a browser round trip costs a few milliseconds, a page load far more. */
    static final Duration POLL = Duration.ofMillis(50);

    private String base;
    private ChromeDriver driver;
    /** The browser's language (Accept-Language), null for Chromium's default. */
    private final String language;

    Browser() {
        this(null);
    }

    /** A browser whose user interface and Accept-Language are {@code language} (#23). */
    Browser(String language) {
        this.language = language;
    }

    /**
     * A class's second browser, on pages the first one shows too: it takes no page screenshots (only a failed test's,
     * named with {@code label} apart from the first one's).
     */
    static Browser second(String label) {
        Browser browser = new Browser();
        browser.label = label + "-";
        return browser;
    }

    /** This browser, starting every test of its class signed out, on a blank page, at the deployed application. */
    Browser freshEachTest() {
        freshEachTest = true;
        return this;
    }

    private String label = "";
    private boolean freshEachTest;
    private Path profile;
    /** The running test's class and method, and how many pages it has shown: the screenshots' names. */
    private String test = "setup";
    private int shots;
    private String shotUrl;
    /** The pages this class has a screenshot of already: one each is what a reader looks at. */
    private final java.util.Set<String> shotPages = new java.util.HashSet<>();
    /** What the screenshots cost, reported when the browser closes (the suite's time is watched, #19). */
    private long shotNanos;
    private int shotCount;

    @Override
    public void beforeEach(ExtensionContext context) {
        test = label + context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        shots = 0;
        if (freshEachTest) {
            base(((DeployedWar) context.getRequiredTestInstance()).base.toString());
            reset();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** The application's address, known once the shared Payara Micro has deployed it. */
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
            if (language != null) {
                options.addArguments("--lang=" + language);
                options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        }
        return driver;
    }

    void open(String path) {
        driver().get(base + (path.startsWith("/") ? path : "/" + path));
        shot();
    }

    /**
     * A screenshot of the page now shown, named after the test, its count and the page (e.g.
     * {@code PortalIT-anAgentSees-03-ticket-id-12.png}); the window's width is added when it is not the default.
     */
    void shot() {
        if (driver == null) {
            return;
        }
        try {
            // the page now shown counts as seen, shot or not: finds on it do not look again
            shotUrl = driver.getCurrentUrl();
            String path = shotUrl.startsWith(base) ? shotUrl.substring(base.length()) : shotUrl;
            if (!label.isEmpty() || !shotPages.add(path.replaceFirst("\\?.*", ""))) {
                return;
            }
            String page = path.replaceFirst("^/", "").replaceAll("\\.xhtml", "").replaceAll("[^A-Za-z0-9]+", "-")
                    .replaceAll("(^-|-$)", "");
            long width = driver.manage().window().getSize().getWidth();
            String name = String.format("%s-%02d-%s%s", test, ++shots, page.isEmpty() ? "blank" : page,
                    width == 1280 ? "" : "-" + width + "px");
            screenshot(name.length() > 150 ? name.substring(0, 150) : name);
        } catch (RuntimeException e) {
            System.err.println("no screenshot: " + e);
        }
    }

    /**
     * Opens each page at 400 px wide (a phone), shoots it as {@code narrow-<label>-<page>-400px}, and returns the pages
     * wider than the window (a horizontal scroll bar: the layout broke); the window is 1280 px wide again after.
     */
    java.util.List<String> narrow(String label, String... paths) {
        java.util.List<String> overflowing = new java.util.ArrayList<>();
        driver().manage().window().setSize(new org.openqa.selenium.Dimension(400, 900));
        try {
            for (String path : paths) {
                driver().get(base + path);
                await(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
                awaitAjax();
                long wide = ((Number) driver().executeScript("return document.documentElement.scrollWidth"))
                        .longValue();
                long window = ((Number) driver().executeScript("return window.innerWidth")).longValue();
                if (wide > window) {
                    overflowing.add(path + " is " + wide + " px wide in a " + window + " px window");
                }
                String page = path.replaceFirst("^/", "").replaceAll("\\.xhtml", "").replaceAll("[^A-Za-z0-9]+", "-");
                screenshot("narrow-" + label + "-" + page + "-400px");
            }
        } finally {
            driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
        System.out.println("Browser: narrow pages overflowing: " + overflowing);
        return overflowing;
    }

    String path() {
        String url = driver().getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    WebElement find(String cssSelector) {
        WebElement found = await(driver -> driver.findElement(By.cssSelector(cssSelector)));
        shotIfNewPage();
        return found;
    }

    /** By Faces client id, which contains colons; waits for it while a page is still arriving. */
    WebElement byId(String id) {
        WebElement found = await(driver -> driver.findElement(By.id(id)));
        shotIfNewPage();
        return found;
    }

    /** A page reached by a click on a link (not by open or submit) is screenshotted the first time it is used. */
    private void shotIfNewPage() {
        try {
            if (!driver.getCurrentUrl().equals(shotUrl)
                    && "complete".equals(driver.executeScript("return document.readyState"))) {
                shot();
            }
        } catch (RuntimeException e) {
            // a page still changing: the next look takes it
        }
    }

    /** Waits until PrimeFaces has no Ajax request under way (at once on a page without it). */
    void awaitAjax() {
        await(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "return !window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty()")));
    }

    void type(String id, String text) {
        WebElement input = byId(id);
        if ("select".equals(input.getTagName())) {
            // pick lists (#23): "typing" a value into one chooses the option with that value; a choice may start an
            // Ajax request (the assignee list follows the category), whose answer rewrites parts of the form
            new Select(input).selectByValue(text);
            awaitAjax();
            return;
        }
        input.clear();
        input.sendKeys(text);
    }

    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver(), Duration.ofSeconds(60), POLL).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** Clicks a button that submits its form (no Ajax) and waits until the next page has loaded. */
    void submit(String id) {
        WebElement page = driver().findElement(By.tagName("html"));
        byId(id).click();
        new WebDriverWait(driver(), Duration.ofSeconds(60), POLL).until(driver -> gone(page));
        await(driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
        shot();
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

    /**
     * Signs {@code username} in on the login page with the demo password; waits until the portal has left the login
     * page or says there why not (the caller asserts which it expects).
     */
    void signIn(String username) {
        open("/login.xhtml");
        type("login:username", username);
        type("login:password", Api.DEMO_PASSWORD);
        submit("login:submit");
        await(driver -> !path().startsWith("/login.xhtml")
                || !driver.findElement(By.id("messages")).getText().isBlank());
    }

    /**
     * On the enrollment page a first sign-in of a role with a second factor leads to: confirms the key shown with
     * its current code, then goes on past the recovery codes to wherever the portal leads next.
     */
    void enrollSecondFactor() {
        String secret = byId("secret").getText().trim();
        type("enroll:code", Totp.code(secret, Instant.now().getEpochSecond() / 30));
        submit("enroll:confirm");
        await(driver -> !driver.findElements(By.cssSelector("#recovery-codes li")).isEmpty());
        submit("done:continue");
        await(driver -> !path().startsWith("/enroll.xhtml"));
    }

    /** A fresh start for the next user: no cookies, a blank page. */
    void reset() {
        if (driver != null) {
            driver.manage().deleteAllCookies();
            driver.get("about:blank");
        }
    }

    /**
     * A screenshot of the whole current page (not only the window: what is below the fold too, up to 4000 px) into
     * target/portal-screenshots/{name}.png, to look at after a run.
     */
    void screenshot(String name) {
        long start = System.nanoTime();
        try {
            Path directory = Files.createDirectories(SCREENSHOTS);
            Files.write(directory.resolve(name + ".png"), wholePage());
        } catch (IOException | RuntimeException e) {
            System.err.println("no screenshot " + name + ": " + e);
        } finally {
            shotNanos += System.nanoTime() - start;
            shotCount++;
        }
    }

    @SuppressWarnings("unchecked")
    private byte[] wholePage() {
        try {
            Map<String, Object> metrics = driver().executeCdpCommand("Page.getLayoutMetrics", Map.of());
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            // the whole page is laid out without a scroll bar while it is captured: as wide as the window
            double width = Math.max(((Number) size.get("width")).doubleValue(),
                    ((Number) driver().executeScript("return window.innerWidth")).doubleValue());
            double height = Math.min(4000, ((Number) size.get("height")).doubleValue());
            // encoded for speed (a larger file, the same pixels): that halved a tall page's shot
            Map<String, Object> shot = driver().executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "optimizeForSpeed", true, "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0,
                            "width", width, "height", height, "scale", 1)));
            return Base64.getDecoder().decode((String) shot.get("data"));
        } catch (RuntimeException e) {
            return ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES);
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver == null) {
            return;
        }
        try {
            Path directory = Files.createDirectories(SCREENSHOTS);
            String name = "FAILED-" + label + context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName();
            Files.write(directory.resolve(name + ".png"), wholePage());
            Files.writeString(directory.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            System.err.println("no screenshot: " + e);
        }
    }

    @Override
    public void close() {
        if (driver != null) {
            System.out.printf("Browser: %d screenshots in %d ms%n", shotCount, shotNanos / 1_000_000);
            driver.quit();
            driver = null;
        }
    }
}
