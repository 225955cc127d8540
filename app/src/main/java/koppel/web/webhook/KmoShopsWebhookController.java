package koppel.web.webhook;

import java.util.UUID;
import koppel.connector.kmoshops.KmoShopsWebhooks;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /webhooks/kmoshops/{integrationId}}: the body is read raw for the signature. */
@RestController
class KmoShopsWebhookController {

  private final KmoShopsWebhooks webhooks;

  KmoShopsWebhookController(KmoShopsWebhooks webhooks) {
    this.webhooks = webhooks;
  }

  @PostMapping("/webhooks/kmoshops/{integrationId}")
  ResponseEntity<String> receive(
      @PathVariable UUID integrationId,
      @RequestHeader(name = "X-KMO-Timestamp", required = false) String timestamp,
      @RequestHeader(name = "X-KMO-Signature", required = false) String signature,
      @RequestHeader(name = "X-KMO-Delivery", required = false) String delivery,
      @RequestBody(required = false) byte[] body) {
    KmoShopsWebhooks.Outcome outcome =
        webhooks.receive(
            integrationId, timestamp, signature, delivery, body == null ? new byte[0] : body);
    return ResponseEntity.status(outcome.httpStatus)
        .body("{\"result\":\"" + outcome.name().toLowerCase() + "\"}");
  }
}
