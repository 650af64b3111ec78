package io.clientdesk.web;

/**
 * Where a page of a longer list stands: the clients list and an import's errors and
 * changes show it with {@code fragments/pager :: links}.
 *
 * @param page the page shown, from 0
 * @param size entries per page
 * @param total entries in the whole list
 */
public record Pager(int page, int size, long total) {

	public long pages() {
		return (this.total + this.size - 1) / this.size;
	}

	public boolean hasPrevious() {
		return this.page > 0;
	}

	public boolean hasNext() {
		return this.page + 1 < pages();
	}

	/** The number of the page's first entry, from 1. */
	public long first() {
		return (long) this.page * this.size + 1;
	}

	/** The number of the page's last entry, from 1. */
	public long last() {
		return Math.min(this.total, (long) (this.page + 1) * this.size);
	}

}
