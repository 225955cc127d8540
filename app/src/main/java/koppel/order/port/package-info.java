/**
 * The ports of the booking hexagon. Out-ports ({@link koppel.order.port.ShopSystem}, {@link
 * koppel.order.port.AccountingSystem}, the stores) are implemented by connectors and persistence;
 * in-ports ({@link koppel.order.port.OrderIntake}, {@link koppel.order.port.BookOrder}) by the
 * intake and the pipeline.
 */
package koppel.order.port;
