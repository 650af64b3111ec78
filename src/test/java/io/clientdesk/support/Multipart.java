package io.clientdesk.support;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body with one file part, as a browser or {@code curl -F}
 * sends it.
 */
public record Multipart(String contentType, byte[] body) {

	public static Multipart file(String field, String fileName, byte[] content) {
		String boundary = "----clientdesk-test-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 512);
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return new Multipart("multipart/form-data; boundary=" + boundary, body.toByteArray());
	}

	public BodyPublisher publisher() {
		return BodyPublishers.ofByteArray(this.body);
	}

}
