package io.clientdesk.importing.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A CSV file to download: UTF-8, streamed as it is written, named by the server (never by
 * a user-supplied string).
 */
final class CsvDownload {

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private CsvDownload() {
	}

	static ResponseEntity<StreamingResponseBody> of(String fileName, Body body) {
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
			.body((stream) -> {
				Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
				body.write(out);
				out.flush();
			});
	}

	/** Writes the file's content. */
	@FunctionalInterface
	interface Body {

		void write(Writer out) throws IOException;

	}

}
