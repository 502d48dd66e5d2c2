package com.example.loyalty.e2e;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium, driven through the system's chromedriver: both from Debian's packages
 * ({@code apt-get install chromium chromium-driver}), never downloaded (Selenium Manager is not asked: the driver's
 * path is given). Each browser is a fresh profile, so each user signs in afresh; {@link #close()} ends it.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("loyalty.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("loyalty.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String INSTALL = "sudo apt-get install -y chromium chromium-driver";
    private static final Duration WAIT = Duration.ofSeconds(30);

    final WebDriver driver;
    private final WebDriverWait wait;
    private final Path profile;

    /** Empty when Chromium or its driver is missing, with the reason and the command that installs them. */
    static Optional<String> missing() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return Optional.empty();
        }
        return Optional.of("Chromium or chromedriver is not installed (" + CHROMIUM + ", " + CHROMEDRIVER
                + "): the browser tests of the console are skipped. Install them with: " + INSTALL);
    }

    /** A browser whose preferred language is {@code language} ({@code en}, {@code ja}). */
    Browser(String language) {
        this(language, null);
    }

    /**
     * A browser whose camera films {@code camera} (a Y4M file, see {@link FakeCamera}; null: no camera) and which
     * grants the page the camera without asking.
     */
    Browser(String language, Path camera) {
        try {
            profile = Files.createTempDirectory("loyalty-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                // this machine's network is closed: no calls home, no component updates, no sync
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1100",
                "--lang=" + language,
                "--user-data-dir=" + profile);
        if (camera != null) {
            options.addArguments(
                    "--use-fake-ui-for-media-stream",
                    "--use-fake-device-for-media-stream",
                    "--use-file-for-fake-video-capture=" + camera.toAbsolutePath());
        }
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT);
    }

    /** Opens the console and signs in on Keycloak's login page as {@code user} (password = user name). */
    Browser signIn(String consoleUrl, String user) {
        driver.get(consoleUrl);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user);
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.textToBe(By.id("who"), user));
        return this;
    }

    void go(String consoleUrl, String route) {
        driver.get(consoleUrl + "#/" + route);
    }

    WebElement await(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void awaitText(By by, String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /**
     * Waits for the condition; on a timeout, saves a screenshot ({@code failed-<n>.png}) and fails with what the page
     * shows (an error the console displays says more than "element not found").
     */
    <T> T until(java.util.function.Function<WebDriver, T> condition) {
        try {
            return wait.until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            String shown;
            try {
                shown = driver.findElement(By.tagName("main")).getText();
            } catch (RuntimeException notThere) {
                shown = driver.getPageSource();
            }
            Path shot = screenshot("failed-" + System.currentTimeMillis());
            throw new AssertionError(
                    e.getMessage().lines().findFirst().orElse("timed out") + "\nthe page (" + driver.getCurrentUrl()
                            + ", " + shot + ") shows:\n" + shown.substring(0, Math.min(shown.length(), 2000)),
                    e);
        }
    }

    /** Resizes the window to a phone's viewport (390 × 844 CSS pixels, as an iPhone 14's). */
    Browser phone() {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        return this;
    }

    /**
     * What sticks out of the window on the right, so that the page scrolls sideways: the innermost such elements (tag,
     * id or class, right edge), at most five; empty when nothing does.
     */
    List<String> sidewaysOverflow() {
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) script("""
                const width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= width) return [];
                const out = [...document.querySelectorAll('body *')].filter((e) => {
                  const r = e.getBoundingClientRect();
                  return r.width > 0 && r.right > width + 0.5
                    && ![...e.children].some((c) => c.getBoundingClientRect().right > width + 0.5);
                });
                return out.slice(0, 5).map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}`
                  + `${e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\\s+/g, '.') : ''}`
                  + ` (right ${Math.round(e.getBoundingClientRect().right)} > ${width}): `
                  + (e.textContent || '').trim().slice(0, 60));
                """);
        return found;
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Saves the page as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The WCAG 2 A and AA violations axe-core finds on the page, one line each (rule, impact, how many elements);
     * empty when there are none.
     */
    List<String> accessibilityViolations() {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        return results.getViolations().stream().map(Browser::describe).collect(Collectors.toList());
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + ", " + rule.getNodes().size() + " elements: "
                + rule.getNodes().stream()
                        .limit(3)
                        .map(n -> String.valueOf(n.getTarget()))
                        .collect(Collectors.joining(", "))
                + ")";
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory: left for the OS
            }
        }
    }
}
