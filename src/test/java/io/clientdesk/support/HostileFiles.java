package io.clientdesk.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * The corpus of hostile files in {@code src/test/resources/hostile}: malformed and
 * malicious uploads, each with the answer the import must give, as listed in
 * {@code hostile/manifest.csv}.
 *
 * <p>
 * Each line of the manifest names a file of the folder, or {@code gen:NAME} for a large
 * file made here at test time (so that megabytes stay out of the repository); the name it
 * is uploaded as ({@code \}{@code uXXXX}, {@code \r}, {@code \n} and {@code {c*N}} for N
 * times c; empty for the file's own name); the answer: a
 * {@code FileRejectedException.Kind} for a file rejected at upload, or {@code ROWS} for
 * one accepted at upload whose rows have errors; and what is expected: the positions
 * {@code line:column} of the problems of a rejected file, or the row errors
 * {@code line:column:code} of an accepted one, separated by {@code ;}, {@code -} for no
 * line or column, and a last {@code +N} for N more problems not listed.
 */
public final class HostileFiles {

	/** What the import answers a hostile file with. */
	public enum Answer {

		NOT_CSV(415), TOO_LARGE(413), BAD_NAME(422), INVALID(422), ROWS(202);

		private final int status;

		Answer(int status) {
			this.status = status;
		}

		/** The HTTP status of the upload, as docs/api.md says. */
		public int status() {
			return this.status;
		}

	}

	/**
	 * One hostile upload: the file (or generator), the name it is uploaded as, the
	 * answer, the problem positions or row errors expected, in order, and what it is.
	 */
	public record Case(String file, String uploadName, Answer answer, List<String> expected, int notListed,
			String what) {

		public byte[] content() {
			if (this.file.startsWith("gen:")) {
				Supplier<byte[]> generator = GENERATED.get(this.file.substring(4));
				if (generator == null) {
					throw new IllegalArgumentException("No generator for " + this.file);
				}
				return generator.get();
			}
			return resource(this.file);
		}

		public boolean rejected() {
			return this.answer != Answer.ROWS;
		}

		@Override
		public String toString() {
			return this.file + ((this.uploadName.equals(this.file)) ? "" : " as " + printable(this.uploadName));
		}

	}

	private static final Pattern REPEAT = Pattern.compile("\\{(.+?)\\*(\\d+)}");

	private static final String EMPTY = "(empty)";

	private static final String MIB = "x".repeat(1024 * 1024);

	private static final Map<String, Supplier<byte[]>> GENERATED = Map.ofEntries(
			Map.entry("header-9mib-single-line", () -> utf8("email," + MIB.repeat(9))),
			Map.entry("cell-9mib-single-line", () -> utf8("email,firstName\nnot-an-email," + MIB.repeat(9))),
			Map.entry("unclosed-quote-9mib", () -> utf8("email,firstName\nann@hostile.example,\"" + MIB.repeat(9))),
			Map.entry("header-20000-columns", () -> utf8("email" + ",c".repeat(19_999) + "\nx\n")),
			Map.entry("record-20000-fields", () -> utf8("email,firstName\nx" + ",y".repeat(19_999) + "\n")),
			Map.entry("empty-lines-200000", () -> utf8("email\n" + "\n".repeat(200_000) + "not-an-email\n")),
			Map.entry("blank-rows-200000", () -> utf8("email;firstName\n" + ";\r\n".repeat(200_000) + "x;Ann\r\n")),
			Map.entry("lone-carriage-returns-100000", () -> utf8("email\r" + "\r".repeat(100_000) + "x\r")),
			Map.entry("records-5001", () -> records(5001, "Ann")),
			Map.entry("records-5001-with-a-formula", () -> records(5001, "=1+1")),
			Map.entry("formulas-5000", () -> utf8("email\n" + "=cmd|' /C calc'!A0\n".repeat(5000))),
			Map.entry("bytes-10mib-and-1", () -> utf8("email\n" + "x".repeat(10 * 1024 * 1024 - 5))),
			Map.entry("cells-100000-characters", HostileFiles::longCells),
			Map.entry("emoji-100000", () -> utf8("firstName,email\n" + "\uD83D\uDE00".repeat(100_000) + ",\n")),
			Map.entry("quotes-1mib", () -> utf8("email\n" + "\"".repeat(1024 * 1024) + "\n")));

	private HostileFiles() {
	}

	/** Every case of the manifest, in its order. */
	public static List<Case> all() {
		String manifest = new String(resource("manifest.csv"), StandardCharsets.UTF_8);
		List<Case> cases = new ArrayList<>();
		for (CsvRecord record : CsvReader.builder().ofCsvRecord(manifest)) {
			if (record.getStartingLineNumber() == 1 || record.getField(0).isBlank()) {
				continue;
			}
			String file = record.getField(0);
			String name = record.getField(1).isEmpty() ? file : unescape(record.getField(1));
			name = name.equals(EMPTY) ? "" : name;
			List<String> expected = new ArrayList<>();
			for (String token : record.getField(3).split("(?<!\\\\);")) {
				if (!token.isEmpty()) {
					expected.add(unescape(token));
				}
			}
			int notListed = 0;
			if (!expected.isEmpty() && expected.get(expected.size() - 1).startsWith("+")) {
				notListed = Integer.parseInt(expected.remove(expected.size() - 1).substring(1));
			}
			cases.add(new Case(file, name, Answer.valueOf(record.getField(2)), List.copyOf(expected), notListed,
					record.getField(4)));
		}
		return cases;
	}

	/** The positions (or row errors) as the manifest writes them. */
	public static String position(Integer line, String column) {
		return ((line != null) ? line.toString() : "-") + ":" + ((column != null) ? column : "-");
	}

	/** The name with what is invisible or breaks lines shown as escapes, for messages. */
	public static String printable(String name) {
		StringBuilder shown = new StringBuilder();
		name.codePoints().forEach((c) -> {
			int type = Character.getType(c);
			if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
					|| type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
				shown.append(String.format("\\u%04X", c));
			}
			else {
				shown.appendCodePoint(c);
			}
		});
		return (shown.length() > 60) ? shown.substring(0, 60) + "…(" + name.length() + ")" : shown.toString();
	}

	private static String unescape(String escaped) {
		StringBuilder name = new StringBuilder();
		for (int i = 0; i < escaped.length(); i++) {
			char c = escaped.charAt(i);
			if (c != '\\' || i + 1 == escaped.length()) {
				name.append(c);
				continue;
			}
			char next = escaped.charAt(++i);
			switch (next) {
				case 'r' -> name.append('\r');
				case 'n' -> name.append('\n');
				case 't' -> name.append('\t');
				case 'u' -> {
					name.append((char) Integer.parseInt(escaped.substring(i + 1, i + 5), 16));
					i += 4;
				}
				default -> name.append(next);
			}
		}
		Matcher repeat = REPEAT.matcher(name);
		StringBuilder expanded = new StringBuilder();
		while (repeat.find()) {
			repeat.appendReplacement(expanded,
					Matcher.quoteReplacement(repeat.group(1).repeat(Integer.parseInt(repeat.group(2)))));
		}
		repeat.appendTail(expanded);
		return expanded.toString();
	}

	private static byte[] records(int count, String firstName) {
		StringBuilder text = new StringBuilder("firstName,email\n");
		for (int i = 1; i <= count; i++) {
			text.append((i == count) ? firstName : "Ann").append(",ann").append(i).append("@hostile.example\n");
		}
		return utf8(text.toString());
	}

	/** 100 000 characters in each column, one column per row. */
	private static byte[] longCells() {
		String[] header = { "id", "firstName", "lastName", "email", "project", "desk", "active", "type", "created" };
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(utf8(String.join(",", header) + "\n"));
		for (int k = 0; k < header.length; k++) {
			String[] cells = new String[header.length];
			Arrays.fill(cells, "");
			cells[k] = "y".repeat(100_000);
			out.writeBytes(utf8(String.join(",", cells) + "\n"));
		}
		return out.toByteArray();
	}

	private static byte[] resource(String name) {
		return TestFiles.resource("/hostile/" + name);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
