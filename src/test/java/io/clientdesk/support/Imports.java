package io.clientdesk.support;

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
import tools.jackson.databind.JsonNode;

import io.clientdesk.support.Api.Login;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads files to the import API and follows the imports to their end, as a partner's
 * script would: real HTTP, real files.
 */
public final class Imports {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final Set<String> RUNNING = Set.of("QUEUED", "PROCESSING");

	private final Api api;

	/**
	 * Follows imports through HTTP only. Nothing else is waited for: once an import has
	 * ended, every read sees it, {@code q} included, and the tests rely on that.
	 */
	public Imports(Api api) {
		this.api = api;
	}

	/**
	 * A short text unique to one test, to put into emails, names and file names so that
	 * tests sharing a database find their own.
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
		return awaitEnd(id, login, TIMEOUT, Duration.ofMillis(50));
	}

	/**
	 * Waits longer, asking less often: for imports of thousands of rows, on a server that
	 * is busy with them.
	 */
	public JsonNode awaitEnd(String id, Login login, Duration timeout) {
		return awaitEnd(id, login, timeout, Duration.ofMillis(200));
	}

	private JsonNode awaitEnd(String id, Login login, Duration timeout, Duration every) {
		return Poll.until(timeout, every, () -> view(id, login),
				(view) -> !RUNNING.contains(view.get("status").asString()), "import " + id + " to end");
	}

	/** GET /api/imports/{id}. */
	public JsonNode view(String id, Login login) {
		Api.Response response = this.api.get("/api/imports/" + id, login);
		assertThat(response.status()).as("GET import %s: %s", id, response.body()).isEqualTo(200);
		return response.json();
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

	public static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
