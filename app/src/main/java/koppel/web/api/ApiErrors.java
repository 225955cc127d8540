package koppel.web.api;

import java.util.LinkedHashMap;
import java.util.Map;
import koppel.integration.IntegrationAdmin;
import koppel.order.port.ExternalSystemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every error of the JSON API has a code, plain words and a resolution. */
@RestControllerAdvice(basePackages = "koppel.web")
class ApiErrors {

  @ExceptionHandler(ExternalSystemException.NotAuthorized.class)
  ResponseEntity<Map<String, Object>> notAuthorized(ExternalSystemException e) {
    return error(
        HttpStatus.CONFLICT,
        "EXACT_NOT_CONNECTED",
        e.getMessage(),
        "Click Connect next to Exact Online, log in, allow access and choose the division.");
  }

  @ExceptionHandler(ExternalSystemException.RateLimited.class)
  ResponseEntity<Map<String, Object>> rateLimited(ExternalSystemException.RateLimited e) {
    return error(
        HttpStatus.TOO_MANY_REQUESTS,
        "RATE_LIMITED",
        e.getMessage(),
        "Try again after " + e.retryAt() + ".");
  }

  @ExceptionHandler(ExternalSystemException.class)
  ResponseEntity<Map<String, Object>> external(ExternalSystemException e) {
    return error(
        HttpStatus.BAD_GATEWAY,
        "EXTERNAL_SYSTEM",
        e.getMessage(),
        "Try again in a moment. If it stays, contact support with your licence key.");
  }

  @ExceptionHandler(IntegrationAdmin.BookingInProgress.class)
  ResponseEntity<Map<String, Object>> bookingInProgress(IntegrationAdmin.BookingInProgress e) {
    return error(
        HttpStatus.CONFLICT,
        "BOOKING_IN_PROGRESS",
        e.getMessage(),
        "Wait until the Open and Errors tabs show no order being booked, then save again.");
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, Object>> badInput(IllegalArgumentException e) {
    return error(
        HttpStatus.BAD_REQUEST,
        "INVALID_INPUT",
        e.getMessage(),
        "Correct the input and try again.");
  }

  private static ResponseEntity<Map<String, Object>> error(
      HttpStatus status, String code, String message, String resolution) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("message", message);
    body.put("resolution", resolution);
    return ResponseEntity.status(status).body(Map.of("error", body));
  }
}
