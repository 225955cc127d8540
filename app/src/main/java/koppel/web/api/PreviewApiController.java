package koppel.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import koppel.order.domain.OrderKey;
import koppel.order.port.OrderPreview;
import koppel.order.port.OrderQueries;
import koppel.order.port.PreviewOrder;
import koppel.web.Merchants;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The Preview tab as JSON: the booking pipeline as a dry run for one of the merchant's orders. */
@RestController
@Tag(name = "Preview", description = "What booking an order would send to Exact Online")
class PreviewApiController {

  private final Merchants merchants;
  private final OrderQueries orders;
  private final PreviewOrder previews;

  PreviewApiController(Merchants merchants, OrderQueries orders, PreviewOrder previews) {
    this.merchants = merchants;
    this.orders = orders;
    this.previews = previews;
  }

  @GetMapping("/api/preview/{orderId}")
  @Operation(
      summary = "The document Koppel would send to Exact Online for this order, or its error",
      description = "Reads the order from the shop and Exact's data; writes nothing anywhere.")
  OrderPreview preview(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      @PathVariable long orderId) {
    OrderKey key = new OrderKey(merchants.integrationOf(auth, integration), orderId);
    if (orders.find(key).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown order");
    }
    return previews.preview(key);
  }
}
