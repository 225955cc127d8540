/** The JSON API: the dashboard's use cases for merchants, and the operator's. */
package koppel.web.api;
