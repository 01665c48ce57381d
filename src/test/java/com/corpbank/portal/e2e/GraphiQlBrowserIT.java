package com.corpbank.portal.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The GraphiQL page in a real browser against real parts: Debian's headless Chromium (driven by Selenium through
 * Debian's chromedriver), the real Keycloak with the project's realm (its own login page, authorization code +
 * PKCE on {@code portal-spa}), the service on a random port with the demo book, and introspection off as in
 * production, so the docs pane comes from the published SDL. Expected clients are read straight from the store.
 * <p>
 * Without {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} the suite skips, unless
 * {@code PORTAL_REQUIRE_BROWSER=true} (CI), where it fails instead. On a failure a screenshot and the page's HTML
 * are saved in the build directory ({@code graphiql-it/}), as are screenshots of the steps.
 */
@ExtendWith(GraphiQlBrowserIT.ChromiumInstalled.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "portal.store.data-dir=", "portal.store.mongodb-uri=", "portal.demo-data.enabled=true",
				"spring.graphql.schema.printer.enabled=true", "spring.graphql.schema.introspection.enabled=false" })
class GraphiQlBrowserIT {

	private static final Path CHROMIUM = Path.of(System.getProperty("portal.chromium", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path.of(System.getProperty("portal.chromedriver", "/usr/bin/chromedriver"));

	private static final String MISSING_BROWSER = "GraphiQlBrowserIT needs " + CHROMIUM + " and " + CHROMEDRIVER
			+ ": apt-get install chromium chromium-driver";

	private static final Duration WAIT = Duration.ofSeconds(60);

	/** Short enough that the page must refresh its token during the test, long enough to sign in. */
	private static final Duration TOKEN_LIFESPAN = Duration.ofSeconds(40);

	private static final Path OUTPUT = Path.of(System.getProperty("graphiql.it.output.dir", "target/graphiql-it"));

	private static KeycloakProcess keycloak;

	@BeforeAll
	static void browserAndKeycloak() {
		if (!browserInstalled()) {
			fail(MISSING_BROWSER + " (PORTAL_REQUIRE_BROWSER=true: this run may not skip the browser test)");
		}
		keycloak = KeycloakProcess.shared();
	}

	private static boolean browserInstalled() {
		return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
	}

	/**
	 * Skips the suite, with the reason in the build's report, where no Chromium is installed; unless CI demands the
	 * browser test (PORTAL_REQUIRE_BROWSER=true): then the suite runs and fails in {@link #browserAndKeycloak()}.
	 */
	static class ChromiumInstalled implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (browserInstalled() || "true".equalsIgnoreCase(System.getenv("PORTAL_REQUIRE_BROWSER"))) {
				return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed, or required");
			}
			System.err.println("SKIPPED: " + MISSING_BROWSER);
			return ConditionEvaluationResult.disabled(MISSING_BROWSER);
		}

	}

	@DynamicPropertySource
	static void realKeycloak(DynamicPropertyRegistry registry) {
		registry.add("portal.security.issuer-uri", () -> keycloak.issuer());
		registry.add("portal.security.jwk-set-uri", () -> keycloak.jwkSetUri());
	}

	@Value("${local.server.port}")
	int port;

	@Autowired
	MongoTemplate mongoTemplate;

	final JsonMapper json = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newHttpClient();

	ChromeDriver browser;

	Path profile;

	@BeforeEach
	void openBrowser() throws IOException {
		KeycloakAdmin admin = new KeycloakAdmin(keycloak);
		admin.allowOrigin("portal-spa", origin());
		admin.accessTokenLifespan("portal-spa", TOKEN_LIFESPAN);
		this.profile = Files.createTempDirectory("graphiql-it-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1600,1200", "--user-data-dir=" + this.profile);
		// Every request the browser makes, and the console (CSP violations are reported there).
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.PERFORMANCE, java.util.logging.Level.ALL);
		logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
	}

	@AfterEach
	void closeBrowser() throws IOException {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.profile != null) {
			org.springframework.util.FileSystemUtils.deleteRecursively(this.profile);
		}
	}

	@Test
	void rmLiSignsInOnKeycloakRunsTheirPortfolioAndSignsOut() throws Exception {
		List<JsonNode> requests = new ArrayList<>();
		try {
			signInOnTheKeycloakLoginPage("rm_li");
			long signedInAt = System.nanoTime();

			WebElement user = waitFor(By.id("portal-user"));
			assertThat(user.getDomAttribute("data-username")).isEqualTo("rm_li");
			assertThat(user.getText()).contains("rm_li").contains("李明");
			assertThat(this.browser.findElement(By.id("portal-roles")).getDomAttribute("data-roles")).isEqualTo("RM");
			requests.addAll(requestsSoFar());

			runTheFirstSavedExampleAndCheckTheResult();
			saveScreenshot("1-portfolio-result");
			docsPaneShowsTheSdlDescriptions();
			saveScreenshot("2-docs-pane");
			// The first access token has expired by now: the next run only works on a refreshed one.
			sleepUntil(signedInAt + TOKEN_LIFESPAN.plusSeconds(5).toNanos());
			aSavedExampleOpensInANewTabAndRunsAreInTheHistory();
			saveScreenshot("3-example-and-history");
			requests.addAll(requestsSoFar());
			nothingWasKeptInLocalStorage();

			this.browser.findElement(By.id("portal-sign-out")).click();
			waitFor(By.id("portal-sign-in"));
			assertThat(this.browser.findElement(By.id("portal-signed-out")).getText()).contains("signed out");
			assertThat(this.browser.getCurrentUrl()).startsWith(origin() + "/graphiql");
			assertThat(this.browser.findElements(By.id("portal-user"))).isEmpty();
			// The keys, not their number: a failure names what survived the sign-out.
			assertThat(script("return Object.keys(window.sessionStorage).join(',')")).isEqualTo("");
			saveScreenshot("4-signed-out");
			// Signing out ended the Keycloak session too: signing in again asks for the password.
			this.browser.findElement(By.id("portal-sign-in")).click();
			new WebDriverWait(this.browser, WAIT)
				.until(ExpectedConditions.urlContains(keycloak.issuer() + "/protocol/openid-connect/auth"));
			waitFor(By.id("password"));
			requests.addAll(requestsSoFar());

			everyRequestWentToTheServiceOrKeycloak(requests);
			noContentSecurityPolicyViolations();
		}
		catch (Throwable failure) {
			saveScreenshot("failure");
			throw failure;
		}
	}

	@Test
	void pageAndItsStylesheetsReferenceNoOtherOrigin() throws Exception {
		HttpResponse<String> page = get("/graphiql");
		assertThat(page.statusCode()).as("the GraphiQL bundle is part of this build").isEqualTo(200);
		List<String> references = attributeReferences(page.body());
		assertThat(references).isNotEmpty().allSatisfy(GraphiQlBrowserIT::assertSameOrigin);
		List<String> stylesheets = references.stream().filter(ref -> ref.endsWith(".css")).toList();
		assertThat(stylesheets).isNotEmpty();
		for (String stylesheet : stylesheets) {
			HttpResponse<String> css = get(stylesheet);
			assertThat(css.statusCode()).isEqualTo(200);
			assertThat(cssReferences(css.body())).allSatisfy(GraphiQlBrowserIT::assertSameOrigin);
		}
	}

	private void signInOnTheKeycloakLoginPage(String username) {
		this.browser.get(origin() + "/graphiql");
		WebDriverWait wait = new WebDriverWait(this.browser, WAIT);
		wait.until(ExpectedConditions.urlContains(keycloak.issuer() + "/protocol/openid-connect/auth"));
		String loginUrl = this.browser.getCurrentUrl();
		assertThat(loginUrl).contains("client_id=portal-spa")
			.contains("response_type=code")
			.contains("code_challenge_method=S256")
			.contains("code_challenge=");
		// keycloak-js holds state, nonce and PKCE verifier across this redirect: not in localStorage.
		waitFor(By.id("username"));
		nothingWasKeptInLocalStorage();
		waitFor(By.id("username")).sendKeys(username);
		this.browser.findElement(By.id("password")).sendKeys(username);
		this.browser.findElement(By.id("kc-login")).click();
		wait.until(ExpectedConditions.urlContains(origin() + "/graphiql"));
	}

	/**
	 * The first saved tab is the portfolio page; its result must be exactly rm_li's first 20 clients in name order,
	 * as the store lists them, and not the first client of another RM that would sort among them.
	 */
	private void runTheFirstSavedExampleAndCheckTheResult() {
		List<String> tabs = new WebDriverWait(this.browser, WAIT).until(driver -> {
			List<String> titles = driver.findElements(By.cssSelector(".graphiql-tab"))
				.stream()
				.map(WebElement::getText)
				.map(String::strip)
				.toList();
			return titles.size() >= 3 ? titles : null;
		});
		assertThat(tabs).containsSubsequence("PortfolioPage", "ClientDetail", "Me");
		String query = new WebDriverWait(this.browser, WAIT).until(driver -> editorValue(".graphiql-query-editor"));
		assertThat(query).contains("query PortfolioPage");

		waitFor(By.cssSelector("button.graphiql-execute-button")).click();
		String result = new WebDriverWait(this.browser, WAIT).until(driver -> {
			String value = editorValue(".graphiql-response");
			return (value != null && (value.contains("\"data\"") || value.contains("\"errors\""))) ? value : null;
		});
		JsonNode answer = this.json.readTree(result);
		assertThat(answer.has("errors")).as(result).isFalse();

		Document rmLi = new Document("managerUsernames", "rm_li");
		long expectedCount = this.mongoTemplate.getCollection("clients").countDocuments(rmLi);
		List<String> expectedNames = new ArrayList<>();
		this.mongoTemplate.getCollection("clients")
			.find(rmLi)
			.sort(new Document("name", 1).append("_id", 1))
			.limit(20)
			.forEach(client -> expectedNames.add(client.getString("name")));
		assertThat(expectedCount).isGreaterThan(20);

		JsonNode clients = answer.get("data").get("clients");
		assertThat(clients.get("totalCount").asLong()).isEqualTo(expectedCount);
		List<String> names = new ArrayList<>();
		clients.get("edges").forEach(edge -> names.add(edge.get("node").get("name").asString()));
		assertThat(names).containsExactlyElementsOf(expectedNames);

		Document otherRmsFirst = this.mongoTemplate.getCollection("clients")
			.find(new Document("managerUsernames", new Document("$ne", "rm_li")))
			.sort(new Document("name", 1).append("_id", 1))
			.first();
		assertThat(otherRmsFirst).isNotNull();
		String otherName = otherRmsFirst.getString("name");
		assertThat(otherName).as("another RM's client that would sort into rm_li's first page")
			.isLessThan(expectedNames.get(expectedNames.size() - 1));
		assertThat(result).doesNotContain(otherName).doesNotContain(otherRmsFirst.getString("_id"));

		// And the result pane shows it: the first lines are rendered on screen.
		String visible = this.browser.findElement(By.cssSelector(".graphiql-response .view-lines")).getText();
		assertThat(visible.replace('\u00a0', ' ')).contains("\"totalCount\": " + expectedCount)
			.contains(expectedNames.get(0));
	}

	/** Introspection is off here: the docs pane can only know these descriptions from GET /graphql/schema. */
	private void docsPaneShowsTheSdlDescriptions() {
		waitFor(By.cssSelector("button[aria-label='Show Documentation Explorer']")).click();
		WebElement docs = waitFor(By.cssSelector(".graphiql-doc-explorer"));
		clickDocLink("Query");
		new WebDriverWait(this.browser, WAIT).until(driver -> docs.getText().contains("The clients the caller may see"));
		clickDocLink("me");
		clickDocLink("Me");
		clickDocLink("Role");
		new WebDriverWait(this.browser, WAIT).until(driver -> docs.getText().contains("客户经理 relationship manager"));
		assertThat(docs.getText()).contains("团队长 team lead").contains("风险经理 risk officer");
	}

	/** The Examples pane opens the "Me" example in a new tab; the history pane then lists both runs. */
	private void aSavedExampleOpensInANewTabAndRunsAreInTheHistory() {
		waitFor(By.cssSelector("button[aria-label='Show Examples']")).click();
		waitFor(By.xpath("//button[contains(@class,'portal-example') and normalize-space(.)='Me']")).click();
		new WebDriverWait(this.browser, WAIT).until(driver -> {
			String query = editorValue(".graphiql-query-editor");
			return query != null && query.contains("query Me");
		});
		assertThat(this.browser.findElements(By.cssSelector(".graphiql-tab"))).hasSize(4);
		this.browser.findElement(By.cssSelector("button.graphiql-execute-button")).click();
		String result = new WebDriverWait(this.browser, WAIT).until(driver -> {
			String value = editorValue(".graphiql-response");
			return (value != null && value.contains("\"me\"")) ? value : null;
		});
		JsonNode me = this.json.readTree(result).get("data").get("me");
		assertThat(me.get("username").asString()).isEqualTo("rm_li");
		assertThat(me.get("displayName").asString()).isEqualTo("李明");
		assertThat(me.get("orgUnit").get("code").asString()).isEqualTo("SH-PD-T1");

		waitFor(By.cssSelector("button[aria-label='Show History']")).click();
		WebElement history = waitFor(By.cssSelector(".graphiql-history"));
		new WebDriverWait(this.browser, WAIT)
			.until(driver -> history.getText().contains("PortfolioPage") && history.getText().contains("Me"));
	}

	private void clickDocLink(String text) {
		By link = By.xpath("//*[contains(@class,'graphiql-doc-explorer')]//a[normalize-space(.)='" + text + "']");
		new WebDriverWait(this.browser, WAIT).until(ExpectedConditions.elementToBeClickable(link)).click();
	}

	/**
	 * localStorage outlives the tab and the sign-out. A fresh document of the same origin sees the origin's real
	 * storage (the page itself redirects its own {@code window.localStorage} to the tab's sessionStorage).
	 */
	private void nothingWasKeptInLocalStorage() {
		String page = this.browser.getWindowHandle();
		this.browser.switchTo().newWindow(WindowType.TAB);
		this.browser.get(origin() + "/graphiql/config.json");
		assertThat(script("return Object.keys(window.localStorage)")).asList().isEmpty();
		this.browser.close();
		this.browser.switchTo().window(page);
	}

	private void everyRequestWentToTheServiceOrKeycloak(List<JsonNode> requests) {
		URI issuer = URI.create(keycloak.issuer());
		String keycloakOrigin = issuer.getScheme() + "://" + issuer.getAuthority();
		Set<String> origins = new LinkedHashSet<>();
		for (JsonNode request : requests) {
			String url = request.get("url").asString();
			// Inline data, the page's own blobs (Monaco workers) and the browser's own UI (chrome://, e.g. the
			// new-tab page) never leave the machine.
			if (url.startsWith("data:") || url.startsWith("blob:") || url.startsWith("chrome:")) {
				continue;
			}
			URI uri = URI.create(url);
			origins.add(uri.getScheme() + "://" + uri.getAuthority());
		}
		assertThat(requests).as("requests seen in Chromium's performance log").hasSizeGreaterThan(10);
		assertThat(origins).containsExactlyInAnyOrder(origin(), keycloakOrigin);
		// The bearer token went on every API request, and was refreshed (refresh-token grant) before it expired.
		List<JsonNode> api = requests.stream()
			.filter(request -> request.get("url").asString().startsWith(origin() + "/graphql"))
			.toList();
		assertThat(api).hasSizeGreaterThanOrEqualTo(3)
			.allSatisfy(request -> assertThat(request.get("headers").path("Authorization").asString(""))
				.startsWith("Bearer ey"));
		assertThat(requests).anySatisfy(request -> {
			assertThat(request.get("url").asString()).isEqualTo(keycloak.issuer() + "/protocol/openid-connect/token");
			assertThat(request.path("postData").asString("")).contains("grant_type=refresh_token");
		});
		// The docs pane came from the published SDL, not from an introspection query.
		assertThat(requests).noneSatisfy(request -> assertThat(request.path("postData").asString(""))
			.contains("__schema"));
		assertThat(requests).anySatisfy(request -> assertThat(request.get("url").asString())
			.isEqualTo(origin() + "/graphql/schema"));
	}

	private void noContentSecurityPolicyViolations() {
		List<String> console = this.browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.toList();
		assertThat(console).noneMatch(message -> message.contains("Content Security Policy"));
	}

	/** {@code Network.requestWillBeSent} events since the last call (reading the log empties it). */
	private List<JsonNode> requestsSoFar() {
		List<JsonNode> requests = new ArrayList<>();
		for (LogEntry entry : this.browser.manage().logs().get(LogType.PERFORMANCE)) {
			JsonNode message = this.json.readTree(entry.getMessage()).get("message");
			if ("Network.requestWillBeSent".equals(message.get("method").asString())) {
				requests.add(message.get("params").get("request"));
			}
		}
		return requests;
	}

	/**
	 * The text of a GraphiQL editor, from its Monaco model: the response pane renders only the lines in view.
	 * GraphiQL 5 keeps the Monaco instance it loaded in {@code globalThis.__MONACO}.
	 */
	private String editorValue(String container) {
		Object value = script("""
				const monaco = globalThis.__MONACO;
				if (!monaco) { return null; }
				const editor = monaco.editor.getEditors()
				    .find(e => e.getContainerDomNode().closest(arguments[0]));
				return editor ? editor.getValue() : null;
				""", container);
		return (value instanceof String text && !text.isBlank()) ? text : null;
	}

	private static void sleepUntil(long nanoTime) throws InterruptedException {
		long remaining = nanoTime - System.nanoTime();
		if (remaining > 0) {
			java.util.concurrent.TimeUnit.NANOSECONDS.sleep(remaining);
		}
	}

	private Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.browser).executeScript(script, arguments);
	}

	private WebElement waitFor(By locator) {
		return new WebDriverWait(this.browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	private static List<String> attributeReferences(String html) {
		List<String> references = new ArrayList<>();
		Matcher matcher = Pattern.compile("\\b(?:src|href|action|srcset)\\s*=\\s*[\"']([^\"']*)[\"']").matcher(html);
		while (matcher.find()) {
			references.add(matcher.group(1));
		}
		return references;
	}

	private static List<String> cssReferences(String css) {
		String code = css.replaceAll("(?s)/\\*.*?\\*/", "");
		List<String> references = new ArrayList<>();
		Matcher url = Pattern.compile("url\\(\\s*[\"']?([^\"')]*)[\"']?\\s*\\)").matcher(code);
		while (url.find()) {
			references.add(url.group(1));
		}
		Matcher imports = Pattern.compile("@import\\s+[\"']([^\"']*)[\"']").matcher(code);
		while (imports.find()) {
			references.add(imports.group(1));
		}
		return references;
	}

	/** A reference that stays on this origin: a path (not protocol-relative), a fragment, or inline data. */
	private static void assertSameOrigin(String reference) {
		boolean local = (reference.startsWith("/") && !reference.startsWith("//")) || reference.startsWith("#")
				|| reference.startsWith("data:") || !reference.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*|^//.*");
		assertThat(local).as("a reference to another origin: " + reference).isTrue();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(origin() + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String origin() {
		return "http://localhost:" + this.port;
	}

	private void saveScreenshot(String name) {
		if (this.browser == null) {
			return;
		}
		try {
			Files.createDirectories(OUTPUT);
			Path png = OUTPUT.resolve(name + ".png");
			Files.write(png, ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
			Files.writeString(OUTPUT.resolve(name + ".html"), this.browser.getPageSource());
			System.err.println("GraphiQlBrowserIT: screenshot at " + png + " (page was " + this.browser.getCurrentUrl() + ")");
		}
		catch (Exception ex) {
			System.err.println("GraphiQlBrowserIT: no screenshot: " + ex);
		}
	}

}
