/** VIES, the EU's VAT-number service, over its official REST contract ("Vies on-the-Web"). */
package koppel.connector.vies;
