package io.clientdesk.client;

import java.util.List;

/**
 * One page of clients, with the number of clients that match the query: exact up to 1
 * 000, and above that, on PostgreSQL, the planner's estimate ({@code totalExact} false).
 * {@code next} is the cursor of the page after this one (null when this page is not full,
 * so the last): passed back as {@code after}, it reads that page as fast as the first,
 * however deep.
 */
public record ClientPage(List<Client> items, int page, int size, long total, boolean totalExact, String next) {

}
