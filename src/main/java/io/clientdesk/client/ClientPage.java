package io.clientdesk.client;

import java.util.List;

/**
 * One page of clients, with the number of clients that match the query: exact up to 10
 * 000, and above that, on PostgreSQL, the planner's estimate ({@code totalExact} false).
 */
public record ClientPage(List<Client> items, int page, int size, long total, boolean totalExact) {

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
