package io.clientdesk.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.WebSession;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Somebody not logged in cannot make the server read a large body: an upload to the pages
 * and a login form are answered while the body is still being sent. The body goes out
 * slowly over a plain socket, so that the test sees how much of it had been sent when the
 * answer came (the operating system's buffers hold a few MB that the server never read).
 * At 64 KB every 20 ms, the server has more than a second to answer before the test
 * fails; reading the whole body would take it six.
 */
@IntegrationTest
class AnonymousBodiesIT {

	private static final int BODY = 20 * 1024 * 1024;

	private static final int CHUNK = 64 * 1024;

	private static final int ANSWERED_WITHIN = 4 * 1024 * 1024;

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "POST {0} ({1})")
	@CsvSource({ "/imports, multipart/form-data; boundary=b", "/login, multipart/form-data; boundary=b",
			"/login, application/x-www-form-urlencoded" })
	void an_anonymous_post_with_a_large_body_is_answered_before_the_body_has_been_sent(String path, String type)
			throws Exception {
		assertAnsweredBeforeTheBodyHasBeenSent(path, type, "");
	}

	/** With the session and token that anybody gets from the login page. */
	@ParameterizedTest(name = "POST {0}")
	@ValueSource(strings = { "/imports", "/login", "/error" })
	void an_anonymous_upload_with_a_valid_csrf_token_is_answered_before_the_body_has_been_sent(String path)
			throws Exception {
		HttpResponse<String> loginPage = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/login")).build(),
					BodyHandlers.ofString());
		String token = WebSession.csrfTokenOfForm(loginPage.body());
		String session = loginPage.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
		assertAnsweredBeforeTheBodyHasBeenSent(path, "multipart/form-data; boundary=b",
				"Cookie: " + session + "\r\nX-CSRF-TOKEN: " + token + "\r\n");
	}

	private void assertAnsweredBeforeTheBodyHasBeenSent(String path, String type, String headers) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(30_000);
			CompletableFuture<String> statusLine = CompletableFuture.supplyAsync(() -> readStatusLine(socket));
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\nContent-Type: " + type
					+ "\r\nContent-Length: " + BODY + "\r\nHX-Request: true\r\n" + headers + "\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			long sent = sendSlowly(out, type, statusLine);
			String status = statusLine.get(30, TimeUnit.SECONDS);
			assertThat(status).as("answered after %d bytes", sent).matches("HTTP/1\\.1 (302|401|403|413)\\b.*");
			assertThat(sent).as("bytes sent when the answer came").isLessThan(ANSWERED_WITHIN);
		}
	}

	/** Sends the body in chunks until the answer has come; the bytes sent by then. */
	private static long sendSlowly(OutputStream out, String type, CompletableFuture<String> answer)
			throws InterruptedException {
		byte[] chunk = new byte[CHUNK];
		Arrays.fill(chunk, (byte) 'a');
		byte[] start = type.startsWith("multipart")
				? ("--b\r\nContent-Disposition: form-data; name=\"file\";"
						+ " filename=\"big.csv\"\r\nContent-Type: text/csv\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII)
				: "username=".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(start, 0, chunk, 0, start.length);
		long sent = 0;
		try {
			while (sent < BODY && !answer.isDone()) {
				out.write(chunk, 0, (int) Math.min(CHUNK, BODY - sent));
				out.flush();
				sent += CHUNK;
				Thread.sleep(20);
			}
		}
		catch (IOException ex) {
			// the server answered and closed the connection without reading the rest
		}
		return sent;
	}

	private static String readStatusLine(Socket socket) {
		try {
			InputStream in = socket.getInputStream();
			StringBuilder line = new StringBuilder();
			for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
				line.append((char) c);
			}
			return line.toString().trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
