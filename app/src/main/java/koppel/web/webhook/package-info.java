/** Webhook endpoints: raw body in, 2xx fast out; the work happens on the queue. */
package koppel.web.webhook;
