package koppel.order.port;

/** A debtor to create. Koppel only ever creates debtors; it never changes them. */
public record NewCustomer(
    String name,
    String email,
    String phone,
    String addressLine,
    String postcode,
    String city,
    String country,
    String language,
    String vatNumber,
    String chamberOfCommerce,
    String paymentCondition) {}
