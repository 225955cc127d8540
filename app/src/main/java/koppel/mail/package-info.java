/**
 * E-mails Koppel sends (installation, password reset, tickets, the daily error digest): written to
 * an outbox table first, then sent by a queued job through the configured SMTP server, retried
 * until it takes them. Nothing is lost when the mail server is down.
 */
package koppel.mail;
