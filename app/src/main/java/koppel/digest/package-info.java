/**
 * The daily digest: once a day, at the digest time on the shop's calendar, the owner and the extra
 * notification address get the list of orders that failed since the last digest; no e-mail on a day
 * without new errors, and every error is reported once.
 */
package koppel.digest;
