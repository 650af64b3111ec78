package io.clientdesk.client;

import java.util.List;

/**
 * One page of clients, with the number of clients that match the query.
 */
public record ClientPage(List<Client> items, int page, int size, long total) {

	public long pages() {
		return (this.total + this.size - 1) / this.size;
	}

	public boolean hasPrevious() {
		return this.page > 0;
	}

	public boolean hasNext() {
		return this.page + 1 < pages();
	}

}
