/**
 * What the web layer shares: the page layout, error pages and problem details, JSON
 * settings. No service depends on it.
 */
package io.clientdesk.web;
