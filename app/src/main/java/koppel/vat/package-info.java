/** VAT knowledge: EU membership and rates with effective dates, VAT numbers, VIES. Pure Java. */
package koppel.vat;
