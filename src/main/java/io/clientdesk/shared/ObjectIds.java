package io.clientdesk.shared;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Identifiers in MongoDB's ObjectId form: 24 lowercase hex digits made of a 4-byte
 * timestamp (seconds), a 5-byte random value chosen once per process and a 3-byte counter
 * that starts at a random value. They sort roughly by creation time and need no database
 * round trip.
 */
public final class ObjectIds {

	private static final Pattern FORM = Pattern.compile("[0-9a-f]{24}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final byte[] PROCESS_UNIQUE = new byte[5];

	private static final AtomicInteger COUNTER = new AtomicInteger(RANDOM.nextInt());

	static {
		RANDOM.nextBytes(PROCESS_UNIQUE);
	}

	private ObjectIds() {
	}

	public static String next() {
		return at(Instant.now());
	}

	static String at(Instant time) {
		int seconds = (int) time.getEpochSecond();
		int counter = COUNTER.getAndIncrement() & 0xFFFFFF;
		byte[] bytes = new byte[12];
		bytes[0] = (byte) (seconds >>> 24);
		bytes[1] = (byte) (seconds >>> 16);
		bytes[2] = (byte) (seconds >>> 8);
		bytes[3] = (byte) seconds;
		System.arraycopy(PROCESS_UNIQUE, 0, bytes, 4, 5);
		bytes[9] = (byte) (counter >>> 16);
		bytes[10] = (byte) (counter >>> 8);
		bytes[11] = (byte) counter;
		return HexFormat.of().formatHex(bytes);
	}

	/**
	 * Whether the text has the form of an ID (24 lowercase hex digits).
	 */
	public static boolean isValid(String text) {
		return text != null && FORM.matcher(text).matches();
	}

	/**
	 * The time encoded in an ID, to the second.
	 */
	public static Instant timeOf(String id) {
		if (!isValid(id)) {
			throw new IllegalArgumentException("Not an ID: " + id);
		}
		return Instant.ofEpochSecond(Long.parseLong(id.substring(0, 8), 16));
	}

}
