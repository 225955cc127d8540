/** JDBC implementations of the stores. The only package that speaks SQL. */
package koppel.persistence;
