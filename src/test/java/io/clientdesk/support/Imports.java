package io.clientdesk.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.clientdesk.support.Api.Login;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads files to the import API and follows the imports to their end, as a partner's
 * script would: real HTTP, real files.
 */
public final class Imports {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final Set<String> RUNNING = Set.of("QUEUED", "PROCESSING");

	private final Api api;

	private final JdbcClient jdbc;

	/** Follows imports through HTTP only. */
	public Imports(Api api) {
		this(api, null);
	}

	/**
	 * Also waits, at the end of each import, until the search text of the clients it
	 * wrote is written (ClientSearchIndexer, just after the import), so that a test can
	 * find them with {@code q} at once.
	 */
	public Imports(Api api, JdbcClient jdbc) {
		this.api = api;
		this.jdbc = jdbc;
	}

	/**
	 * A short text unique to one test, to put into emails and names so that tests sharing
	 * a database find their own clients.
	 */
	public static String run() {
		return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	/** POST /api/imports with the file; {@code query} is appended as is ("" for none). */
	public Api.Response upload(String fileName, byte[] content, String query, Login login) {
		Multipart multipart = Multipart.file("file", fileName, content);
		return this.api.send("POST", "/api/imports" + query, multipart.publisher(), multipart.contentType(), login);
	}

	/** Uploads the file, expects it accepted, and waits for the import's end. */
	public JsonNode run(String fileName, byte[] content, String query, Login login) {
		Api.Response response = upload(fileName, content, query, login);
		assertThat(response.status()).as("upload of %s: %s", fileName, response.body()).isEqualTo(202);
		return awaitEnd(response.json().get("id").asString(), login);
	}

	/** Polls the import until it is neither QUEUED nor PROCESSING. */
	public JsonNode awaitEnd(String id, Login login) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (true) {
			Api.Response response = this.api.get("/api/imports/" + id, login);
			assertThat(response.status()).as("GET import %s: %s", id, response.body()).isEqualTo(200);
			JsonNode view = response.json();
			if (!RUNNING.contains(view.get("status").asString())) {
				awaitSearchText();
				return view;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Import " + id + " did not end within " + TIMEOUT + ": " + view);
			}
			pause(50);
		}
	}

	private void awaitSearchText() {
		if (this.jdbc == null) {
			return;
		}
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (this.jdbc.sql("select count(*) from event_publication where completion_date is null and event_type = ?")
			.param("io.clientdesk.client.ClientsWritten")
			.query(Long.class)
			.single() > 0) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("The search text of imported clients was not written within " + TIMEOUT);
			}
			pause(10);
		}
	}

	/** The error report's records, header included; the lists may be changed. */
	public List<List<String>> errorReport(String id, Login login) {
		Api.Response response = this.api.get("/api/imports/" + id + "/errors.csv", login);
		assertThat(response.status()).as("errors.csv: %s", response.body()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/csv");
		return csv(response.body());
	}

	public static List<List<String>> csv(String text) {
		List<List<String>> records = new ArrayList<>();
		String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
		for (CsvRecord record : CsvReader.builder().ofCsvRecord(withoutBom)) {
			records.add(new ArrayList<>(record.getFields()));
		}
		return records;
	}

	/** The IDs of the imports that GET /api/imports lists for the user. */
	public List<String> listedIds(Login login) {
		Api.Response response = this.api.get("/api/imports", login);
		assertThat(response.status()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		response.json().forEach((node) -> ids.add(node.get("id").asString()));
		return ids;
	}

	/**
	 * A file of src/test/resources/csv with every {@code {run}} replaced, in the file's
	 * own character set (so a Windows-1252 or UTF-16 file stays one, BOM included).
	 */
	public static byte[] fixture(String name, Charset charset, String run) {
		String text = new String(fixture(name), charset);
		return text.replace("{run}", run).getBytes(charset);
	}

	public static byte[] fixture(String name) {
		try (InputStream in = Imports.class.getResourceAsStream("/csv/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No test file " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
