/**
 * What the web layer shares: the page layout, the pager, the names of page events, how
 * pages write times, error pages and problem details, JSON settings. Controllers use it;
 * nothing under them does (services, repositories), and it uses no module but
 * {@code shared}.
 */
package io.clientdesk.web;
