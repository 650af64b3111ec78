package io.clientdesk.importing.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * A CSV file to download: UTF-8, streamed as it is written, named by the server (never by
 * a user-supplied string).
 */
final class CsvDownload {

	private static final Logger log = LoggerFactory.getLogger(CsvDownload.class);

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private CsvDownload() {
	}

	static ResponseEntity<StreamingResponseBody> of(String fileName, Body body) {
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
			.body((stream) -> {
				try {
					Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
					body.write(out);
					out.flush();
				}
				catch (IOException | UncheckedIOException ex) {
					// a reader that left (a closed tab, a killed script) is no error of
					// ours
					if (!DisconnectedClientHelper.isClientDisconnectedException(ex)) {
						throw ex;
					}
					log.debug("{}: the reader left before the end", fileName);
				}
			});
	}

	/** Writes the file's content. */
	@FunctionalInterface
	interface Body {

		void write(Writer out) throws IOException;

	}

}
