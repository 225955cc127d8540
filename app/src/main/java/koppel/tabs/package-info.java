/**
 * What the merchant follows and fixes on the dashboard: the Report, Errors and Open tabs (read from
 * {@link koppel.order.port.OrderQueries}), an order's details, and tickets to support ("Report
 * problem", "Ask us"). The pages and the JSON API both use these services.
 */
package koppel.tabs;
