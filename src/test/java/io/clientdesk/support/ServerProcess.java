package io.clientdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The product as its users run it: {@code java -jar target/clientdesk.jar} in a process
 * of its own, on a given database, which a test can stop, kill or start again.
 */
public final class ServerProcess implements AutoCloseable {

	private static final Path JAR = Path.of("target", "clientdesk.jar");

	private final Map<String, String> database;

	private final List<String> extraArgs;

	private final Path log;

	private Process process;

	private int port;

	public ServerProcess(Map<String, String> database, Path log, String... extraArgs) {
		this.database = database;
		this.log = log;
		this.extraArgs = List.of(extraArgs);
	}

	/** Starts the server and waits until its health answers UP. */
	public ServerProcess start() {
		if (!Files.exists(JAR)) {
			throw new IllegalStateException(JAR + " is missing: run the integration tests with ./mvnw verify");
		}
		this.port = freePort();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-jar",
						JAR.toString(), "--server.port=" + this.port));
		this.database.forEach((key, value) -> command.add("--" + key + "=" + value));
		command.addAll(this.extraArgs);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
		builder.environment().put("CLIENTDESK_ADMIN_PASSWORD", IntegrationTest.ADMIN_PASSWORD);
		try {
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		waitUntilHealthy(Duration.ofSeconds(120));
		return this;
	}

	public Api api() {
		return new Api(this.port);
	}

	/**
	 * Ends the process at once, as a crash or a power cut would: no shutdown hooks run.
	 */
	public void kill() {
		this.process.destroyForcibly();
		waitFor();
	}

	/**
	 * Stops the server as a service manager does, with SIGTERM, and waits for the process
	 * to end.
	 * @return its exit code, or empty if it was still running after the timeout
	 */
	public OptionalInt terminate(Duration timeout) {
		this.process.destroy();
		try {
			return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
					? OptionalInt.of(this.process.exitValue()) : OptionalInt.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			waitFor();
		}
	}

	public String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void waitFor() {
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void waitUntilHealthy(Duration timeout) {
		HttpClient http = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The server stopped while starting; its log:\n" + log());
			}
			try {
				var response = http
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
						.timeout(Duration.ofSeconds(2))
						.build(), BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			Poll.pause(Duration.ofMillis(250));
		}
		throw new IllegalStateException("The server did not become healthy within " + timeout);
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
