package koppel.jobs;

import java.time.Instant;
import koppel.order.port.ShopSystem;

/**
 * A walk through the shop's orders by last change, that skips none: the next request starts at the
 * last {@code updatedAt} seen (inclusive), so an order changed during the walk moves ahead of the
 * cursor and is read again. Only when a whole page shares one second (the bound's precision) does
 * the walk page through that second by number.
 */
record OrderWalk(Instant cursor, int page) {

  static final int PAGE_SIZE = 250;

  /** Where the walk continues after this page, or null when this was the last page. */
  OrderWalk next(ShopSystem.OrderPage result) {
    if (result.orders().size() < PAGE_SIZE) {
      return null;
    }
    Instant last = result.orders().get(result.orders().size() - 1).updatedAt();
    if (cursor != null && last.getEpochSecond() == cursor.getEpochSecond()) {
      return new OrderWalk(cursor, page + 1);
    }
    return new OrderWalk(last, 1);
  }
}
