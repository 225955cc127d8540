/**
 * The merchant's integration: licence key, owner, settings, VAT mapping, payment-method debtors and
 * the state of both connections.
 */
package koppel.integration;
