package io.clientdesk.importing.file;

import java.util.List;

import io.clientdesk.shared.Problem;

/**
 * A file rejected as a whole at upload, with every problem found in it. Nothing of it is
 * imported.
 */
public class FileRejectedException extends RuntimeException {

	private final Kind kind;

	private final List<Problem> problems;

	public FileRejectedException(Kind kind, List<Problem> problems) {
		super(kind.summary() + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("A rejected file needs at least one problem");
		}
		this.kind = kind;
		this.problems = List.copyOf(problems);
	}

	public Kind kind() {
		return this.kind;
	}

	public List<Problem> problems() {
		return this.problems;
	}

	/**
	 * Why a file is rejected; the API answers 422, 415, 413 and 422 respectively.
	 */
	public enum Kind {

		/**
		 * A file name that cannot be stored and shown as it was sent: too long, or with
		 * invisible or reordering characters.
		 */
		BAD_NAME("The file name cannot be used"),

		/**
		 * Not CSV text: a wrong file name, binary content or another format's signature.
		 */
		NOT_CSV("The file is not a CSV file"),

		/**
		 * More bytes or more records than the limits allow.
		 */
		TOO_LARGE("The file is too large"),

		/**
		 * CSV that cannot be imported: no records, a bad header, an unclosed quote or
		 * cells with formulas, markup or script URLs.
		 */
		INVALID("The file cannot be imported");

		private final String summary;

		Kind(String summary) {
			this.summary = summary;
		}

		/**
		 * A sentence that sums the kind up, as the detail of an answer.
		 */
		public String summary() {
			return this.summary;
		}

	}

}
