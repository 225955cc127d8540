/**
 * KMO Shops: the REST client ({@link koppel.connector.kmoshops.KmoShopsClient}), the webhook
 * receiver with its signature check ({@link koppel.connector.kmoshops.WebhookVerifier}), and the
 * mapping of the shop's JSON to {@link koppel.order.domain.ShopOrder}. Everything shop-specific
 * stays here, so the real contract can replace ours without touching the pipeline.
 */
package koppel.connector.kmoshops;
