/** The merchant's dashboard: Report, Errors, Open, Configuration, Profile. */
package koppel.web.dashboard;
