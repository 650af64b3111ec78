package io.clientdesk.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.Poll;
import io.clientdesk.support.TestClients;
import io.clientdesk.support.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that read or send slowly hold no database connection: with more slow exports
 * than the pool has connections, and uploads stalled halfway, people still log in, see
 * the bell and list clients at once; the exports are capped per server; and once the slow
 * clients finish or leave, nothing is left holding a connection or an export's slot. A
 * pool of 4 and 8 exports at once keep the test small; the default pool of 10 and 4
 * exports are the same shape.
 */
@IntegrationTest
@TestPropertySource(
		properties = { "spring.datasource.hikari.maximum-pool-size=4", "clientdesk.export.max-concurrent=8" })
class SlowClientsIT {

	/** About 9 MB of CSV: more than every buffer between the server and a reader. */
	private static final int CLIENTS = 70_000;

	private static final int SLOW_EXPORTS = 8;

	private static final int STALLED_UPLOADS = 4;

	private static final Duration WELL_UNDER_A_SECOND = Duration.ofMillis(1000);

	@Autowired
	Api api;

	@Autowired
	TestClients clients;

	@Autowired
	DataSource dataSource;

	@LocalServerPort
	int port;

	@Test
	void slow_exports_and_stalled_uploads_keep_nobody_from_logging_in_the_bell_or_the_list() throws Exception {
		// this context's database holds these clients only
		this.clients.insertMany(CLIENTS, "Slowreader", this.clients.defaultProject(), this.clients.defaultDesk(),
				Instant.now());
		String export = "/api/clients/export.csv";
		Baseline baseline = baseline();
		List<Socket> slow = new ArrayList<>();
		try {
			for (int i = 0; i < SLOW_EXPORTS; i++) {
				Socket reader = slowReader(export);
				assertThat(headers(reader.getInputStream())).startsWith("HTTP/1.1 200");
				slow.add(reader);
			}
			for (int i = 0; i < STALLED_UPLOADS; i++) {
				slow.add(stalledUpload());
			}
			Poll.until(Duration.ofSeconds(20), Duration.ofMillis(100), this::connectionsInUse, (n) -> n == 0,
					"no connection in use while " + SLOW_EXPORTS + " exports wait on their readers");

			Api.Response refused = this.api.get(export, Login.ADMIN);
			assertThat(refused.status()).isEqualTo(503);
			assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
			assertThat(refused.json().get("limit").asString()).isEqualTo("clientdesk.export.max-concurrent");
			assertThat(refused.json().get("detail").asString()).contains("at most 8 at the same time");

			WebSession session = timed("a login through the form", () -> WebSession.logIn(this.api, Login.ADMIN),
					baseline.login());
			assertThat(timed("the bell", () -> session.get("/notifications/bell"), baseline.bell()).statusCode())
				.isEqualTo(200);
			assertThat(timed("the API's notifications", () -> this.api.get("/api/notifications", Login.ADMIN),
					baseline.notifications())
				.status()).isEqualTo(200);
			JsonNode list = timed("the clients list", () -> this.api.get("/api/clients", Login.ADMIN), baseline.list())
				.json();
			assertThat(list.get("items")).hasSize(50);

			Socket resumed = slow.remove(0);
			assertThat(linesOfChunkedBody(resumed.getInputStream())).as("rows of the resumed export, with its header")
				.isEqualTo(CLIENTS + 1);
			resumed.close();
		}
		finally {
			for (Socket socket : slow) {
				socket.close();
			}
		}
		Poll.until(Duration.ofSeconds(20), Duration.ofMillis(100), this::connectionsInUse, (n) -> n == 0,
				"every connection back in the pool");
		Api.Response again = Poll.until(Duration.ofSeconds(20), Duration.ofMillis(200),
				() -> this.api.get(export, Login.ADMIN), (answer) -> answer.status() == 200,
				"an export once the slow readers have gone");
		assertThat(again.body().lines().count()).isEqualTo(CLIENTS + 1);
	}

	/** How long each call takes with nobody slow around (and everything warmed up). */
	private Baseline baseline() {
		WebSession.logIn(this.api, Login.ADMIN);
		WebSession session = WebSession.logIn(this.api, Login.ADMIN);
		return new Baseline(time(() -> WebSession.logIn(this.api, Login.ADMIN)),
				time(() -> session.get("/notifications/bell")),
				time(() -> this.api.get("/api/notifications", Login.ADMIN)),
				time(() -> this.api.get("/api/clients", Login.ADMIN)));
	}

	private record Baseline(Duration login, Duration bell, Duration notifications, Duration list) {
	}

	/**
	 * Calls while the slow clients wait: well under a second, as with nobody slow around
	 * (a server starved of connections makes them wait the pool's 30 s). On a machine so
	 * busy that the call alone takes longer than half a second, twice that.
	 */
	private <T> T timed(String what, Supplier<T> call, Duration alone) {
		long start = System.nanoTime();
		T answer = call.get();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		System.out.printf("%s answered in %d ms while slow clients wait (%d ms with none)%n", what, took.toMillis(),
				alone.toMillis());
		Duration limit = (alone.multipliedBy(2).compareTo(WELL_UNDER_A_SECOND) > 0) ? alone.multipliedBy(2)
				: WELL_UNDER_A_SECOND;
		assertThat(took).as(what).isLessThan(limit);
		return answer;
	}

	private static Duration time(Runnable call) {
		long start = System.nanoTime();
		call.run();
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private int connectionsInUse() {
		HikariPoolMXBean pool = ((HikariDataSource) this.dataSource).getHikariPoolMXBean();
		return pool.getActiveConnections() + pool.getThreadsAwaitingConnection();
	}

	/** A reader with a small receive buffer, so that the server's writes soon block. */
	private Socket slowReader(String path) throws IOException {
		Socket socket = new Socket();
		socket.setReceiveBufferSize(4096);
		socket.setSoTimeout(60_000);
		socket.connect(new InetSocketAddress("127.0.0.1", this.port));
		socket.getOutputStream()
			.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + basic()
					+ "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
		return socket;
	}

	/**
	 * An upload whose client sends its headers and the start of the file, then nothing.
	 */
	private Socket stalledUpload() throws IOException {
		Socket socket = new Socket("127.0.0.1", this.port);
		OutputStream out = socket.getOutputStream();
		out.write(("POST /api/imports HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + basic()
				+ "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 1000000\r\n\r\n"
				+ "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\nfirstName,lastName,email\r\nAda,Slow,ada.slow@example.com\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return socket;
	}

	private static String basic() {
		return "Basic " + Base64.getEncoder()
			.encodeToString(("admin:" + IntegrationTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	/** Reads the status line and the headers, no further; the status line. */
	private static String headers(InputStream in) throws IOException {
		String status = line(in);
		while (!line(in).isEmpty()) {
			// a header
		}
		return status;
	}

	/** Reads a chunked body to its end; its lines. */
	private static long linesOfChunkedBody(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (int size = Integer.parseInt(line(in), 16); size > 0; size = Integer.parseInt(line(in), 16)) {
			body.write(in.readNBytes(size));
			line(in);
		}
		return body.toString(StandardCharsets.UTF_8).lines().count();
	}

	private static String line(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int c = in.read(); c != '\n'; c = in.read()) {
			if (c == -1) {
				throw new IOException("The answer ended early: " + line);
			}
			line.append((char) c);
		}
		return line.toString().replaceAll("\r$", "");
	}

}
