package io.govlife.app.console;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;

/**
 * One headless Debian Chromium, driven through Debian's chromedriver (nothing downloaded: Selenium Manager is not
 * asked because both paths are given). Tests skip, saying why, only where no Chromium is installed.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("govlife.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("govlife.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final ChromeDriver driver;
    private final String base;

    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: no Chromium at " + CHROMIUM + " with chromedriver at " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver; .ci/run does)");
    }

    Browser(int port) {
        this(port, true);
    }

    /** A browser with scripts switched off ({@code javascript} false): what an integrator's locked-down tool sees. */
    Browser(int port, boolean javascript) {
        Path profile;
        try {
            profile = Files.createTempDirectory("govlife-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,800");
        if (!javascript) {
            options.addArguments("--blink-settings=scriptEnabled=false");
        }
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.base = "http://localhost:" + port;
    }

    Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /**
     * Does the action to the element the locator finds, finding it afresh whenever the console redrew it between the
     * finding and the doing (it redraws its tables as they refresh): a person would act on the redrawn one. A null
     * from either means "not yet".
     */
    private <T> T acting(Function<WebDriver, WebElement> locate, Function<WebElement, T> action) {
        return until(driver -> {
            WebElement element = locate.apply(driver);
            if (element == null) {
                return null;
            }
            try {
                return action.apply(element);
            } catch (StaleElementReferenceException redrawn) {
                return null;
            }
        });
    }

    /** {@link #acting} on the element once it shows, its folded task opened first. */
    private <T> T onShown(String css, Function<WebElement, T> action) {
        return acting(driver -> {
            unfold(css);
            return ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)).apply(driver);
        }, action);
    }

    /** Waits until the element shows; fails, saying what the browser logged, if it does not within the wait. */
    Browser awaitShown(String css) {
        onShown(css, WebElement::isDisplayed);
        return this;
    }

    /**
     * Opens the folded task (a closed {@code <details>}) that holds the element, by clicking its summary as an
     * operator would: the gov page shows each command's form on demand.
     */
    private void unfold(String css) {
        Object summary = driver.executeScript("const found = document.querySelector(arguments[0]);"
                + " const folded = found && found.closest('details:not([open])');"
                + " return folded ? folded.querySelector(':scope > summary') : null;", css);
        if (summary instanceof WebElement fold && fold.isDisplayed()) {
            fold.click();
        }
    }

    /**
     * Presses Tab (at most {@code presses} times) until the element has the focus, as a keyboard-only operator moves
     * through the page; fails if it never gets there.
     */
    Browser tabTo(String css, int presses) {
        for (int i = 0; i < presses; i++) {
            if (Boolean.TRUE.equals(driver.executeScript("return document.activeElement === document.querySelector("
                    + "arguments[0])", css))) {
                return this;
            }
            keys(org.openqa.selenium.Keys.TAB);
        }
        throw new AssertionError(css + " not reached by " + presses + " presses of Tab; the focus is on "
                + driver.executeScript("const a = document.activeElement; return a.outerHTML.substring(0, 120)"));
    }

    /** Whether the element, which must be on the page, is shown. */
    boolean displayed(String css) {
        // wrapped: the wait would take a bare false for "not yet" and wait on
        return acting(driver -> driver.findElement(By.cssSelector(css)), element -> Optional.of(element.isDisplayed()))
                .get();
    }

    /** Whether the element has the focus. */
    boolean focused(String css) {
        return Boolean.TRUE.equals(driver.executeScript("return document.activeElement === document.querySelector("
                + "arguments[0])", css));
    }

    /** Keys sent to the field without clearing it first, e.g. a letter that picks a select's option. */
    Browser keysInto(String css, String keys) {
        onShown(css, field -> {
            field.sendKeys(keys);
            return true;
        });
        return this;
    }

    /** The shown element's attribute, or null where it has none. */
    String attribute(String css, String name) {
        // wrapped: the wait would take a missing attribute (null) for "not yet" and wait on
        return onShown(css, element -> Optional.ofNullable(element.getAttribute(name))).orElse(null);
    }

    /** Types into the labelled field, replacing what was there. */
    Browser type(String css, String text) {
        onShown(css, field -> {
            field.clear();
            field.sendKeys(text);
            return true;
        });
        return this;
    }

    /**
     * Picks the named options of a name picker, once the page offers them (the gov's state fills the pickers), in one
     * script so that a redraw of the options cannot come between finding one and choosing it.
     */
    Browser choose(String css, String... names) {
        for (String name : names) {
            until(driver -> Boolean.TRUE.equals(this.driver.executeScript("const select = document.querySelector("
                    + "arguments[0]); const option = select && [...select.options].find(o => o.value === arguments[1]);"
                    + " if (!option) return false; option.selected = true;"
                    + " select.dispatchEvent(new Event('change', { bubbles: true })); return true;", css, name))
                    ? true : null);
        }
        return this;
    }

    /**
     * The page's serious and critical violations of axe-core's rules (WCAG 2.1 A and AA, and best practice), one line
     * each with the elements it found them on; results axe-core could not reach a verdict on are not counted.
     */
    java.util.List<String> seriousAccessibilityViolations() {
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder()
                .withTags(java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .analyze(driver);
        if (results.getError() != null) {
            throw new AssertionError("axe-core did not run: " + results.getErrorMessage());
        }
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + ") at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
                .toList();
    }

    /** Whether the confirmation dialog of a destructive command is open. */
    boolean confirming() {
        return Boolean.TRUE.equals(driver.executeScript("return document.querySelector('#confirm-action').open"));
    }

    /** Gives the reason the confirmation dialog asks for and confirms the command. */
    Browser confirmWith(String reason) {
        until(driver -> confirming());
        type("#confirm-action-reason", reason);
        return click("#confirm-action-go");
    }

    /** Keys sent to whatever has the focus, as a keyboard-only operator would. */
    Browser keys(CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
        return this;
    }

    Browser size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    /**
     * Clicks the element, found afresh until a click lands: the console redraws its tables as they refresh, so the
     * element found may be replaced by its redrawn twin before the click reaches it (as it would be for a person,
     * who would click the new one).
     */
    Browser click(String css) {
        acting(driver -> {
            unfold(css);
            return ExpectedConditions.elementToBeClickable(By.cssSelector(css)).apply(driver);
        }, element -> {
            element.click();
            return true;
        });
        return this;
    }

    /**
     * Waits until the element's text contains the given text; answers the element's whole text as it read then (a
     * second look could find the element redrawn, or its text moved on).
     */
    String awaitText(String css, String text) {
        return acting(driver -> driver.findElement(By.cssSelector(css)), element -> {
            String whole = element.getText();
            return whole.contains(text) ? whole : null;
        });
    }

    /** The shown element's text. */
    String text(String css) {
        return onShown(css, WebElement::getText);
    }

    String currentPath() {
        return driver.getCurrentUrl().substring(base.length());
    }

    /**
     * Waits up to 15 s, looking every 50 ms; a timeout says what the browser's console logged, which is where a page's
     * failures show.
     */
    <T> T until(Function<? super WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(50)).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            StringBuilder log = new StringBuilder(e.getMessage().lines().findFirst().orElse(""));
            driver.manage().logs().get(LogType.BROWSER).forEach(entry -> log.append("\n  browser: ").append(entry));
            throw new AssertionError(log.toString(), e);
        }
    }

    /** Saves what the page looks like at the given window size under target/console-screenshots. */
    void screenshot(String name, int width, int height) {
        size(width, height);
        driver.executeScript("window.scrollTo(0, 0)");
        save(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE), name + "-" + width + "x" + height);
        size(1280, 800);
    }

    /** Saves just one element of the page, e.g. a form showing its errors. */
    void screenshotOf(String css, String name) {
        save(onShown(css, element -> element.getScreenshotAs(OutputType.FILE)), name);
    }

    private static void save(File shot, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Script errors and Content-Security-Policy refusals the page logged since the last look. */
    java.util.List<String> pageErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(Object::toString)
                .filter(entry -> entry.contains("Uncaught") || entry.contains("Content Security Policy")).toList();
    }

    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
