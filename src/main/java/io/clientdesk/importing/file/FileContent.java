package io.clientdesk.importing.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.clientdesk.shared.Problem;

/**
 * What an uploaded file is made of, before it is read as CSV: whether it is text at all,
 * and in which character set.
 */
public final class FileContent {

	/**
	 * The longest file name, in UTF-16 code units (what H2 counts; PostgreSQL counts
	 * fewer): the size of {@code imports.file_name}.
	 */
	public static final int MAX_NAME_LENGTH = 255;

	/** Bytes read at once, and characters decoded at once. */
	private static final int BUFFER = 64 * 1024;

	/** Bytes read to tell a file's format: the longest signature. */
	private static final int START = 8;

	private static final int ZERO_WIDTH_NON_JOINER = 0x200C;

	private static final int ZERO_WIDTH_JOINER = 0x200D;

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final byte[] UTF8_BOM = bytes(0xEF, 0xBB, 0xBF);

	private static final byte[] UTF16LE_BOM = bytes(0xFF, 0xFE);

	private static final byte[] UTF16BE_BOM = bytes(0xFE, 0xFF);

	private static final List<Signature> SIGNATURES = List.of(
			new Signature("a ZIP archive (an .xlsx or .docx?)", bytes('P', 'K', 3, 4), bytes('P', 'K', 5, 6),
					bytes('P', 'K', 7, 8)),
			new Signature("an Office document in the old binary format (an .xls or .doc?)",
					bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)),
			new Signature("a PDF document", bytes('%', 'P', 'D', 'F', '-')),
			new Signature("an RTF document", bytes('{', '\\', 'r', 't', 'f')),
			new Signature("a Windows executable", bytes('M', 'Z')),
			new Signature("a Linux executable (ELF)", bytes(0x7F, 'E', 'L', 'F')),
			new Signature("a macOS executable (Mach-O)", bytes(0xFE, 0xED, 0xFA, 0xCE), bytes(0xFE, 0xED, 0xFA, 0xCF),
					bytes(0xCE, 0xFA, 0xED, 0xFE), bytes(0xCF, 0xFA, 0xED, 0xFE)),
			new Signature("a macOS universal executable or a Java class file", bytes(0xCA, 0xFE, 0xBA, 0xBE)),
			new Signature("a script (it starts with #!)", bytes('#', '!')));

	private FileContent() {
	}

	/**
	 * Why the file's name cannot be stored and shown as it was sent: too long for its
	 * column, or with a character that is invisible or changes how the rest reads (a
	 * right-to-left override makes {@code report\u202Eslx.csv} read as
	 * {@code reportvsc.xls}); empty when it can. The problems never repeat the name.
	 */
	public static List<Problem> nameProblems(String fileName) {
		if (fileName == null) {
			return List.of();
		}
		List<Problem> problems = new ArrayList<>();
		if (fileName.length() > MAX_NAME_LENGTH) {
			problems.add(Problem.of("the file name has " + fileName.length() + " characters, more than the limit of "
					+ MAX_NAME_LENGTH + "; rename the file"));
		}
		fileName.codePoints()
			.filter(FileContent::hiddenInNames)
			.findFirst()
			.ifPresent((character) -> problems.add(Problem.of("the file name contains "
					+ String.format(Locale.ROOT, "U+%04X", character) + " (" + Character.getName(character)
					+ "), a control or formatting character that is invisible or changes how the name reads; "
					+ "rename the file")));
		return problems;
	}

	/**
	 * Control and formatting characters, separators of lines and paragraphs and halves of
	 * surrogate pairs; except the joiners, which emoji and some scripts need.
	 */
	private static boolean hiddenInNames(int character) {
		if (character == ZERO_WIDTH_JOINER || character == ZERO_WIDTH_NON_JOINER) {
			return false;
		}
		return switch (Character.getType(character)) {
			case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
					Character.PARAGRAPH_SEPARATOR ->
				true;
			default -> false;
		};
	}

	/**
	 * Why the file is not CSV text, judged by its name and its bytes; empty when it may
	 * be.
	 */
	public static List<Problem> notCsvProblems(String fileName, byte[] content) {
		return notCsvProblems(fileName, FileSource.of(content));
	}

	/**
	 * Why the file is not CSV text, judged by its name, its first bytes (another format's
	 * signature, a byte-order mark) and, read through once, whether it holds a NUL byte;
	 * empty when it may be.
	 */
	public static List<Problem> notCsvProblems(String fileName, FileSource content) {
		List<Problem> problems = new ArrayList<>();
		if (fileName == null || fileName.isBlank()) {
			problems.add(Problem.of("the file has no name; only files whose name ends in .csv are accepted"));
		}
		else if (!fileName.strip().toLowerCase(Locale.ROOT).endsWith(".csv")) {
			problems.add(Problem
				.of("the file name '" + fileName.strip() + "' does not end in .csv; only CSV files are accepted"));
		}
		byte[] start = start(content);
		String format = SIGNATURES.stream()
			.filter((signature) -> signature.matches(start))
			.map(Signature::format)
			.findFirst()
			.orElse(null);
		if (format != null) {
			problems.add(Problem.of("the file is " + format + ", not CSV text; save it as CSV (in Excel: Save As, "
					+ "CSV UTF-8) and upload that"));
		}
		else if (!startsWith(start, UTF16LE_BOM) && !startsWith(start, UTF16BE_BOM) && containsNul(content)) {
			problems.add(binary());
		}
		return problems;
	}

	static Problem binary() {
		return Problem.of("the file contains NUL bytes, so it is binary, not CSV text (UTF-16 text needs a "
				+ "byte-order mark; better, save it as UTF-8)");
	}

	/**
	 * The character set of the file: UTF-8 with or without BOM, UTF-16 with BOM, and
	 * Windows-1252 (what Excel on Windows writes) for anything that is not valid UTF-8.
	 * The whole file is decoded, as a stream, to be sure: nothing is replaced, and bytes
	 * that are not text in the charset found (a lone half of a UTF-16 surrogate pair, a
	 * byte Windows-1252 leaves undefined) reject the file, naming the line.
	 * @throws FileRejectedException if the bytes are not text in that charset
	 */
	static Charset charset(FileSource content) {
		byte[] start = start(content);
		if (startsWith(start, UTF16LE_BOM)) {
			return checked(content, StandardCharsets.UTF_16LE);
		}
		if (startsWith(start, UTF16BE_BOM)) {
			return checked(content, StandardCharsets.UTF_16BE);
		}
		if (notText(content, bomLength(start), StandardCharsets.UTF_8) == null) {
			return StandardCharsets.UTF_8;
		}
		return checked(content, WINDOWS_1252);
	}

	/** A file's whole text, in the charset {@link #charset} finds for it. */
	record Text(String text, Charset charset) {
	}

	/**
	 * The whole text of a small file (a preview, a file to correct), decoded as
	 * {@link #charset} and {@link #reader} do.
	 * @throws FileRejectedException if the bytes are not text
	 */
	static Text decode(FileSource content) {
		Charset charset = charset(content);
		try (Reader reader = reader(content, charset)) {
			java.io.StringWriter text = new java.io.StringWriter();
			reader.transferTo(text);
			return new Text(text.toString(), charset);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * The text of the file in its charset, after its byte-order mark; bytes that are not
	 * text in it (none, once {@link #charset checked}) are an error, never replaced.
	 */
	static Reader reader(FileSource content, Charset charset) throws IOException {
		InputStream bytes = content.open();
		try {
			bytes.skipNBytes(bomLength(start(content)));
		}
		catch (IOException | RuntimeException ex) {
			bytes.close();
			throw ex;
		}
		return new BufferedReader(new InputStreamReader(bytes, decoder(charset)), BUFFER);
	}

	private static Charset checked(FileSource content, Charset charset) {
		Problem notText = notText(content, bomLength(start(content)), charset);
		if (notText != null) {
			throw new FileRejectedException(FileRejectedException.Kind.INVALID, List.of(notText));
		}
		return charset;
	}

	private static CharsetDecoder decoder(Charset charset) {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	/**
	 * Where the bytes after {@code offset} stop being text in the charset: the line, and
	 * why; {@code null} if they are text throughout.
	 */
	private static Problem notText(FileSource content, int offset, Charset charset) {
		CharsetDecoder decoder = decoder(charset);
		ByteBuffer in = ByteBuffer.allocate(BUFFER);
		CharBuffer out = CharBuffer.allocate(BUFFER);
		int line = 1;
		try (InputStream bytes = content.open()) {
			bytes.skipNBytes(offset);
			boolean end = false;
			while (!end) {
				int read = bytes.read(in.array(), in.position(), in.remaining());
				end = read < 0;
				in.position(in.position() + Math.max(0, read));
				in.flip();
				CoderResult result;
				do {
					result = decoder.decode(in, out, end);
					line += lineFeeds(out);
				}
				while (result.isOverflow());
				if (end && !result.isError()) {
					result = decoder.flush(out);
					line += lineFeeds(out);
				}
				if (result.isError()) {
					return notText(line, in.hasRemaining() ? in.get(in.position()) : 0, charset);
				}
				in.compact();
			}
			return null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the uploaded file", ex);
		}
	}

	/** Line feeds decoded into the buffer, which is then emptied. */
	private static int lineFeeds(CharBuffer decoded) {
		int count = 0;
		for (int i = 0; i < decoded.position(); i++) {
			if (decoded.get(i) == '\n') {
				count++;
			}
		}
		decoded.clear();
		return count;
	}

	private static Problem notText(int line, byte at, Charset charset) {
		String what = charset.name().startsWith("UTF-16")
				? "half of a surrogate pair without its other half (or an odd byte at the end)"
				: String.format(Locale.ROOT, "the byte 0x%02X, which is neither UTF-8 nor Windows-1252", at);
		return new Problem(line, null, "line " + line + " is not " + charset.displayName(Locale.ROOT) + " text: it has "
				+ what + "; nothing would be read faithfully, so save the file again as CSV UTF-8");
	}

	private static boolean containsNul(FileSource content) {
		byte[] buffer = new byte[BUFFER];
		try (InputStream bytes = content.open()) {
			for (int read = bytes.read(buffer); read >= 0; read = bytes.read(buffer)) {
				for (int i = 0; i < read; i++) {
					if (buffer[i] == 0) {
						return true;
					}
				}
			}
			return false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the uploaded file", ex);
		}
	}

	/** The file's first bytes: enough for every signature and byte-order mark. */
	private static byte[] start(FileSource content) {
		try (InputStream bytes = content.open()) {
			return bytes.readNBytes(START);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the uploaded file", ex);
		}
	}

	private static int bomLength(byte[] start) {
		if (startsWith(start, UTF16LE_BOM) || startsWith(start, UTF16BE_BOM)) {
			return 2;
		}
		return startsWith(start, UTF8_BOM) ? UTF8_BOM.length : 0;
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (content[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

	private record Signature(String format, byte[]... prefixes) {

		boolean matches(byte[] content) {
			for (byte[] prefix : this.prefixes) {
				if (startsWith(content, prefix)) {
					return true;
				}
			}
			return false;
		}

	}

}
