package io.clientdesk.importing.file;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
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
		List<Problem> problems = new ArrayList<>();
		if (fileName == null || fileName.isBlank()) {
			problems.add(Problem.of("the file has no name; only files whose name ends in .csv are accepted"));
		}
		else if (!fileName.strip().toLowerCase(Locale.ROOT).endsWith(".csv")) {
			problems.add(Problem
				.of("the file name '" + fileName.strip() + "' does not end in .csv; only CSV files are accepted"));
		}
		String format = SIGNATURES.stream()
			.filter((signature) -> signature.matches(content))
			.map(Signature::format)
			.findFirst()
			.orElse(null);
		if (format != null) {
			problems.add(Problem.of("the file is " + format + ", not CSV text; save it as CSV (in Excel: Save As, "
					+ "CSV UTF-8) and upload that"));
		}
		else if (!startsWith(content, UTF16LE_BOM) && !startsWith(content, UTF16BE_BOM) && containsNul(content)) {
			problems.add(binary());
		}
		return problems;
	}

	static Problem binary() {
		return Problem.of("the file contains NUL bytes, so it is binary, not CSV text (UTF-16 text needs a "
				+ "byte-order mark; better, save it as UTF-8)");
	}

	/**
	 * The text of the file: UTF-8 with or without BOM, UTF-16 with BOM, and Windows-1252
	 * (what Excel on Windows writes) for anything that is not valid UTF-8. Nothing is
	 * replaced: bytes that are not text in the charset read (a lone half of a UTF-16
	 * surrogate pair, a byte Windows-1252 leaves undefined) reject the file, naming the
	 * line.
	 * @throws FileRejectedException if the bytes are not text in that charset
	 */
	static Text decode(byte[] content) {
		if (startsWith(content, UTF16LE_BOM)) {
			return decode(content, UTF16LE_BOM.length, StandardCharsets.UTF_16LE);
		}
		if (startsWith(content, UTF16BE_BOM)) {
			return decode(content, UTF16BE_BOM.length, StandardCharsets.UTF_16BE);
		}
		int offset = startsWith(content, UTF8_BOM) ? UTF8_BOM.length : 0;
		try {
			return new Text(strictly(content, offset, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		}
		catch (CharacterCodingException ex) {
			return decode(content, offset, WINDOWS_1252);
		}
	}

	private static Text decode(byte[] content, int offset, Charset charset) {
		try {
			return new Text(strictly(content, offset, charset), charset);
		}
		catch (CharacterCodingException ex) {
			throw new FileRejectedException(FileRejectedException.Kind.INVALID,
					List.of(notText(content, offset, charset)));
		}
	}

	private static String strictly(byte[] content, int offset, Charset charset) throws CharacterCodingException {
		return decoder(charset).decode(ByteBuffer.wrap(content, offset, content.length - offset)).toString();
	}

	private static CharsetDecoder decoder(Charset charset) {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	/** Where the text stops being text in the charset: the line, and why. */
	private static Problem notText(byte[] content, int offset, Charset charset) {
		ByteBuffer bytes = ByteBuffer.wrap(content, offset, content.length - offset);
		CharBuffer text = CharBuffer.allocate(content.length);
		decoder(charset).decode(bytes, text, true);
		int line = 1;
		for (int i = 0; i < text.position(); i++) {
			if (text.get(i) == '\n') {
				line++;
			}
		}
		String what = charset.name().startsWith("UTF-16")
				? "half of a surrogate pair without its other half (or an odd byte at the end)"
				: String.format(Locale.ROOT, "the byte 0x%02X, which is neither UTF-8 nor Windows-1252",
						content[bytes.position()]);
		return new Problem(line, null, "line " + line + " is not " + charset.displayName(Locale.ROOT) + " text: it has "
				+ what + "; nothing would be read faithfully, so save the file again as CSV UTF-8");
	}

	private static boolean containsNul(byte[] content) {
		for (byte b : content) {
			if (b == 0) {
				return true;
			}
		}
		return false;
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

	record Text(String text, Charset charset) {
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
