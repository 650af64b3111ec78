package io.clientdesk.support;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body of text fields and one file, as a browser or
 * {@code curl -F} sends it.
 */
public record Multipart(String contentType, byte[] body) {

	/** The file alone, as {@code curl -F field=@fileName} sends it. */
	public static Multipart file(String field, String fileName, byte[] content) {
		return form(Map.of(), field, fileName, "application/octet-stream", content);
	}

	/**
	 * The file alone, its name sent as {@code filename*} (RFC 5987: UTF-8,
	 * percent-encoded): so that a name with quotes, line breaks or control characters
	 * reaches the server as it is, instead of breaking the part's header.
	 */
	public static Multipart fileWithEncodedName(String field, String fileName, byte[] content) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| ".-_".indexOf(c) >= 0;
			encoded.append(plain ? String.valueOf(c) : String.format("%%%02X", b & 0xFF));
		}
		return withFile(Map.of(), field, "filename*=UTF-8''" + encoded, "application/octet-stream", content);
	}

	/** The fields, then the file, as a browser sends a form. */
	public static Multipart form(Map<String, String> fields, String fileField, String fileName, String fileType,
			byte[] content) {
		return withFile(fields, fileField, "filename=\"" + fileName + "\"", fileType, content);
	}

	private static Multipart withFile(Map<String, String> fields, String fileField, String nameParameter,
			String fileType, byte[] content) {
		String boundary = "----clientdesk-test-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 512);
		fields.forEach((name, value) -> body.writeBytes(utf8("--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")));
		body.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; "
				+ nameParameter + "\r\nContent-Type: " + fileType + "\r\n\r\n"));
		body.writeBytes(content);
		body.writeBytes(utf8("\r\n--" + boundary + "--\r\n"));
		return new Multipart("multipart/form-data; boundary=" + boundary, body.toByteArray());
	}

	public BodyPublisher publisher() {
		return BodyPublishers.ofByteArray(this.body);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
