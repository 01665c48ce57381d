package com.corpbank.portal.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The real Keycloak, unpacked from Maven Central by the build, started with the project's own
 * {@code infra/keycloak/start-keycloak.sh} on free loopback ports and stopped with SIGTERM (a SIGKILL would
 * orphan its JVM).
 */
final class KeycloakProcess {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);

	private final Process process;

	private final int httpPort;

	private final int managementPort;

	private final Path log;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private KeycloakProcess(Process process, int httpPort, int managementPort, Path log) {
		this.process = process;
		this.httpPort = httpPort;
		this.managementPort = managementPort;
		this.log = log;
	}

	private static KeycloakProcess shared;

	/**
	 * One Keycloak for every suite of this JVM that asks for it (Failsafe runs the IT classes in one JVM): started
	 * on first use, stopped when the JVM exits. Suites that change the realm (e.g. add a redirect URI) must only
	 * add to it.
	 */
	static synchronized KeycloakProcess shared() {
		if (shared == null) {
			KeycloakProcess keycloak = start();
			Runtime.getRuntime().addShutdownHook(new Thread(keycloak::stop, "keycloak-stop"));
			shared = keycloak;
		}
		return shared;
	}

	static KeycloakProcess start() {
		Path projectDir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
		String keycloakHome = System.getProperty("keycloak.home");
		if (keycloakHome == null) {
			throw new IllegalStateException("keycloak.home is not set: run this suite through './mvnw verify'");
		}
		int httpPort = freePort();
		int managementPort = freePort();
		try {
			Path logDir = Files.createDirectories(projectDir.resolve(System.getProperty("keycloak.log.dir", "target")));
			Path log = logDir.resolve("keycloak-e2e.log");
			ProcessBuilder builder = new ProcessBuilder("bash", "infra/keycloak/start-keycloak.sh")
				.directory(projectDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			Map<String, String> env = builder.environment();
			env.put("KEYCLOAK_HOME", keycloakHome);
			env.put("KC_HTTP_PORT", Integer.toString(httpPort));
			env.put("KC_MANAGEMENT_PORT", Integer.toString(managementPort));
			KeycloakProcess keycloak = new KeycloakProcess(builder.start(), httpPort, managementPort, log);
			keycloak.awaitReady();
			return keycloak;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String issuer() {
		return "http://localhost:" + this.httpPort + "/realms/portal";
	}

	/** The server URL, e.g. http://localhost:PORT (the admin REST API is below it). */
	String serverUrl() {
		return "http://localhost:" + this.httpPort;
	}

	String jwkSetUri() {
		return issuer() + "/protocol/openid-connect/certs";
	}

	/** A password-grant token from the dev/test client {@code portal-cli}; the demo password is the username. */
	String accessToken(String username) {
		HttpResponse<String> response = passwordGrant("portal-cli", username);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Keycloak refused a token for " + username + ": " + response.body());
		}
		Matcher matcher = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
		if (!matcher.find()) {
			throw new IllegalStateException("No access_token in Keycloak's answer");
		}
		return matcher.group(1);
	}

	HttpResponse<String> passwordGrant(String clientId, String username) {
		String form = Map.of("grant_type", "password", "client_id", clientId, "username", username, "password", username)
			.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** SIGTERM to kc.sh and to the JVM it may have started as a child; then wait for both. */
	void stop() {
		List<ProcessHandle> descendants = this.process.descendants().toList();
		this.process.destroy();
		descendants.forEach(ProcessHandle::destroy);
		try {
			this.process.waitFor(60, TimeUnit.SECONDS);
			for (ProcessHandle child : descendants) {
				child.onExit().get(60, TimeUnit.SECONDS);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Keycloak did not stop within a minute; see " + this.log, ex);
		}
	}

	private void awaitReady() {
		URI ready = URI.create("http://localhost:" + this.managementPort + "/health/ready");
		Instant deadline = Instant.now().plus(READY_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Keycloak exited during start-up:\n" + logTail());
			}
			try {
				HttpResponse<Void> response = this.http.send(HttpRequest.newBuilder(ready).GET().build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			sleep();
		}
		stop();
		throw new IllegalStateException("Keycloak was not ready within " + READY_TIMEOUT + ":\n" + logTail());
	}

	private String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log at " + this.log + ")";
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
