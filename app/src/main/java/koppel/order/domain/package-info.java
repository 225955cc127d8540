/**
 * The order as Koppel understands it, independent of any shop or accounting system: pure Java, no
 * framework. Money is {@link java.math.BigDecimal}.
 */
package koppel.order.domain;
