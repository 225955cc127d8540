package koppel.connector.kmoshops;

import static org.assertj.core.api.Assertions.assertThat;

import koppel.order.domain.ShopOrder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class KmoOrderJsonTest {

  private static final String CONTRACT_EXAMPLE =
      """
      {"id": 48213, "number": "2026-000123",
       "createdAt": "2026-11-03T10:15:00+01:00", "updatedAt": "2026-11-03T10:20:00+01:00",
       "status": "processing", "paymentStatus": "paid",
       "paymentMethod": {"code": "bancontact", "title": "Bancontact"},
       "currency": "EUR", "pricesIncludeTax": true, "language": "nl",
       "customer": {"id": 991, "email": "jan@example.be", "firstName": "Jan",
         "lastName": "Peeters", "phone": "+32 470 00 00 00", "isCompany": true,
         "companyName": "Peeters BV", "vatNumber": "BE0123456749", "companyNumber": "0123456749"},
       "billingAddress": {"name": "Peeters BV", "street": "Kerkstraat", "number": "12",
         "extension": "b", "zipcode": "9000", "city": "Gent", "countryCode": "BE"},
       "shippingAddress": null,
       "lines": [{"id": 1, "productId": 77, "sku": "WIJN-001", "ean": "5412345678901",
         "name": "Rode wijn", "variant": "75 cl", "quantity": "2", "unitPriceExcl": "10.0000",
         "unitPriceIncl": "12.1000", "discountExcl": "1.0000", "discountIncl": "1.2100",
         "vatRate": "21.00", "totalExcl": "19.0000", "totalVat": "3.9900",
         "totalIncl": "22.9900"}],
       "shipping": {"title": "bpost", "priceExcl": "5.0000", "priceIncl": "6.0500",
         "vatRate": "21.00"},
       "paymentFee": null,
       "discounts": [{"code": "WELKOM5", "title": "Welcome discount", "vatRate": "21.00",
         "amountExcl": "2.0000", "amountIncl": "2.4200"}],
       "totals": {"subtotalExcl": "19.00", "subtotalIncl": "22.99", "shippingExcl": "5.00",
         "shippingIncl": "6.05", "paymentFeeExcl": "0.00", "paymentFeeIncl": "0.00",
         "discountExcl": "2.00", "discountIncl": "2.42", "totalExcl": "22.00",
         "totalVat": "4.62", "totalIncl": "26.62",
         "vatBreakdown": [{"rate": "21.00", "base": "22.00", "vat": "4.62"}]},
       "someFutureField": {"ignored": true}}
      """;

  @Test
  void readsTheContractExampleExactly() {
    ShopOrder o = KmoOrderJson.read(JsonMapper.builder().build().readTree(CONTRACT_EXAMPLE));
    assertThat(o.number()).isEqualTo("2026-000123");
    assertThat(o.customer().displayName()).isEqualTo("Peeters BV");
    assertThat(o.deliveryAddress().countryCode()).isEqualTo("BE");
    assertThat(o.lines().get(0).quantity()).isEqualByComparingTo("2");
    assertThat(o.lines().get(0).totalIncl()).isEqualByComparingTo("22.99");
    assertThat(o.lines().get(0).description()).isEqualTo("Rode wijn - 75 cl");
    assertThat(o.shipping().priceIncl()).isEqualByComparingTo("6.05");
    assertThat(o.paymentFee()).isNull();
    assertThat(o.discounts()).hasSize(1);
    assertThat(o.totals().totalIncl()).isEqualByComparingTo("26.62");
    assertThat(o.totals().vat()).hasSize(1);
  }

  @Test
  void toleratesMissingOptionalFields() {
    ShopOrder o =
        KmoOrderJson.read(
            JsonMapper.builder()
                .build()
                .readTree(
                    """
        {"id": 1, "number": "X-1", "createdAt": "2026-11-03T10:15:00+01:00",
         "status": "new", "paymentStatus": "pending", "customer": {"firstName": "Guest"},
         "billingAddress": {"countryCode": "NL"}, "lines": [], "discounts": [],
         "totals": {"totalExcl": "0.00", "totalVat": "0.00", "totalIncl": "0.00"}}
        """));
    assertThat(o.customer().email()).isNull();
    assertThat(o.paymentMethod()).isNull();
    assertThat(o.shipping()).isNull();
  }
}
