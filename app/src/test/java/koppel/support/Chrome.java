package koppel.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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
 * A real browser for dashboard tests: Debian's Chromium, headless, driven by Debian's chromedriver
 * (Selenium Manager never goes to the network). Each instance has its own profile directory, so
 * cookies and sessions never leak between two merchants of one test.
 */
public final class Chrome implements AutoCloseable {

  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static final String BINARY =
      System.getProperty("koppel.chrome.binary", "/usr/bin/chromium");
  private static final String DRIVER =
      System.getProperty("koppel.chrome.driver", "/usr/bin/chromedriver");

  public final WebDriver driver;
  private final Path profile;

  private Chrome(String language) {
    try {
      profile = Files.createTempDirectory("koppel-chrome");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--window-size=1280,900",
        "--lang=" + language,
        "--user-data-dir=" + profile.toAbsolutePath());
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(Path.of(DRIVER).toFile()).build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  /** A browser whose preferred language is English. */
  public static Chrome start() {
    return start("en-GB");
  }

  /** A browser with this preferred language (e.g. {@code nl-BE}). */
  public static Chrome start(String language) {
    return new Chrome(language);
  }

  public Chrome open(String url) {
    driver.get(url);
    return this;
  }

  /** Logs in through the login form and waits for the dashboard. */
  public Chrome login(String appUrl, String username, String password) {
    open(appUrl + "/login");
    type(By.id("username"), username);
    type(By.id("password"), password);
    click(By.id("login"));
    waitUntil(d -> !d.getCurrentUrl().contains("/login"));
    return this;
  }

  public WebElement find(By by) {
    return waitFor(by);
  }

  public List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  public boolean present(By by) {
    return !driver.findElements(by).isEmpty();
  }

  public WebElement waitFor(By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public <T> T waitUntil(Function<WebDriver, T> condition) {
    return waitUntil(Duration.ofSeconds(15), condition);
  }

  public <T> T waitUntil(Duration timeout, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, timeout).until(condition::apply);
  }

  public String text(By by) {
    return find(by).getText();
  }

  public Chrome type(By by, String text) {
    WebElement e = find(by);
    e.clear();
    e.sendKeys(text);
    return this;
  }

  public Chrome click(By by) {
    WebElement e =
        new WebDriverWait(driver, Duration.ofSeconds(15))
            .until(ExpectedConditions.elementToBeClickable(by));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'})", e);
    e.click();
    return this;
  }

  public String url() {
    return driver.getCurrentUrl();
  }

  public String pageSource() {
    return driver.getPageSource();
  }

  /** A phone-sized window (390 × 844), or back to a laptop's (1280 × 900). */
  public Chrome phone(boolean phone) {
    driver.manage().window().setSize(phone ? new Dimension(390, 844) : new Dimension(1280, 900));
    return this;
  }

  /**
   * Saves what the browser shows as {@code target/screenshots/<name>.png} (the whole page, not only
   * the window) and returns the file.
   */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      JavascriptExecutor js = (JavascriptExecutor) driver;
      Dimension before = driver.manage().window().getSize();
      long height =
          ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
      driver
          .manage()
          .window()
          .setSize(new Dimension(before.getWidth(), (int) Math.min(Math.max(height, 600), 6000)));
      Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      driver.manage().window().setSize(before);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a temp directory; the OS cleans it
      }
    }
  }
}
