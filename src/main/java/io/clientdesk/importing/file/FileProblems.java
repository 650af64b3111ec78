package io.clientdesk.importing.file;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.clientdesk.shared.Problem;

/**
 * The problems found in one file, by line: at most {@value #MAX_PROBLEMS} of them, enough
 * for any real file and a bound on memory for a hostile one; the rest are counted.
 */
final class FileProblems {

	static final int MAX_PROBLEMS = 1000;

	private static final Comparator<Problem> BY_LINE = Comparator.comparing(Problem::line,
			Comparator.nullsFirst(Comparator.naturalOrder()));

	private final List<Problem> problems = new ArrayList<>();

	private int leftOut;

	void add(Problem problem) {
		if (this.problems.size() < MAX_PROBLEMS) {
			this.problems.add(problem);
		}
		else {
			this.leftOut++;
		}
	}

	/** Adds the problem unless one is already listed for the same cell. */
	void addUnlessCellListed(Problem problem) {
		boolean listed = this.problems.stream()
			.anyMatch((p) -> Objects.equals(p.line(), problem.line()) && Objects.equals(p.column(), problem.column()));
		if (!listed) {
			add(problem);
		}
	}

	boolean isEmpty() {
		return this.problems.isEmpty() && this.leftOut == 0;
	}

	/** The problems by line, and how many more were found, if any. */
	List<Problem> sorted() {
		List<Problem> all = new ArrayList<>(this.problems);
		all.sort(BY_LINE);
		if (this.leftOut > 0) {
			all.add(Problem.of("… and " + this.leftOut + " more problems, not listed"));
		}
		return all;
	}

}
