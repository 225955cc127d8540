/**
 * Prometheus metrics an operator graphs (through Micrometer, at /actuator/prometheus, operator
 * only): orders per state, booking latency, Exact calls by kind, Exact's budget left per division,
 * queue depth. Reads the database through {@link koppel.metrics.MetricsQueries}.
 */
package koppel.metrics;
