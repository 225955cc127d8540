/**
 * The durable queue (db-scheduler on PostgreSQL): the book-order task, polling, imports and the
 * nightly jobs. They call the pipeline through its port and turn its answer (done, or try again at)
 * into the queue's next step; the pipeline never calls them.
 */
package koppel.jobs;
