package koppel.connector.exact;

import java.net.http.HttpHeaders;

/** A raw answer from Exact: status, headers and the body text. */
record ExactResponse(int status, HttpHeaders headers, String body) {

  boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  String header(String name) {
    return headers.firstValue(name).orElse(null);
  }
}
