/** Connect and callback endpoints for both systems (OAuth authorization-code flows). */
package koppel.web.oauth;
