/**
 * The durable queue (db-scheduler on PostgreSQL): the book-order task, the retry policy and the
 * failure taxonomy every step speaks: {@link koppel.jobs.BookingFailure.Retryable}, {@link
 * koppel.jobs.BookingFailure.Permanent}, {@link koppel.jobs.BookingFailure.NothingToDo}.
 */
package koppel.jobs;
