/**
 * Exact Online: HTTP ({@link koppel.connector.exact.ExactClient}), tokens refreshed under a lock
 * ({@link koppel.connector.exact.ExactTokens}), errors typed ({@link
 * koppel.connector.exact.ExactErrors}), and the records named exactly like Exact's entities. The
 * records never leave this package: {@link koppel.connector.exact.ExactAccountingSystem} speaks the
 * port's language.
 */
package koppel.connector.exact;
