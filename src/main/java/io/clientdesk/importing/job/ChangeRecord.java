package io.clientdesk.importing.job;

import java.util.ArrayList;
import java.util.List;

/**
 * The record of what one import changed, written as the import goes: full chunks of
 * {@link ImportRepository#CHANGES_PER_CHUNK} entries at once, the rest with the next
 * changes or at the end. Every chunk but the last is full, as reading a page of changes
 * takes for granted.
 */
final class ChangeRecord {

	private final ImportRepository imports;

	private final String importId;

	private final List<ImportChange> pending = new ArrayList<>();

	private int chunks;

	ChangeRecord(ImportRepository imports, String importId) {
		this.imports = imports;
		this.importId = importId;
	}

	void add(List<ImportChange> changes) {
		this.pending.addAll(changes);
		int full = this.pending.size() - this.pending.size() % ImportRepository.CHANGES_PER_CHUNK;
		if (full > 0) {
			write(this.pending.subList(0, full));
		}
	}

	/** Writes what is left. */
	void end() {
		write(this.pending);
	}

	/** Forgets what was written: it has been rolled back. */
	void rolledBack() {
		this.pending.clear();
		this.chunks = 0;
	}

	private void write(List<ImportChange> changes) {
		if (changes.isEmpty()) {
			return;
		}
		this.imports.insertChanges(this.importId, this.chunks, changes);
		this.chunks += (changes.size() + ImportRepository.CHANGES_PER_CHUNK - 1) / ImportRepository.CHANGES_PER_CHUNK;
		changes.clear();
	}

}
