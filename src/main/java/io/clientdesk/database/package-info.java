/**
 * Which database ClientDesk runs on ({@link io.clientdesk.database.Database}), told by
 * one rule; the connection pool's settings for PostgreSQL; the database named in the log
 * at start.
 */
package io.clientdesk.database;
