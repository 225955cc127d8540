package koppel.integration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import koppel.order.domain.BookingMode;

/**
 * The Configuration tab as the merchant fills it in (and as {@code PUT /api/configuration} takes
 * it): Exact references by their codes, never by id. Mutable so a form binds to it and a rejected
 * save shows exactly what was typed.
 */
public class ConfigurationForm {

  private BookingMode bookingMode = BookingMode.SALES_INVOICE;
  private boolean vatIncluding = true;
  private String salesJournal;
  private String cashJournal;
  private String paymentCondition;
  private String warehouse;
  private String fallbackDebtor;
  private Set<String> processablePaymentStatuses = new LinkedHashSet<>(Set.of("paid"));
  private LocalDate startDate;
  private Boolean directInvoice;
  private Boolean ledgerMappingDisabled;
  private Boolean currencyEnabled;

  /** Null (left out of a JSON body): the VAT table stays as it is. */
  private List<VatRow> vat;

  /** Null (left out of a JSON body): the fixed debtors stay as they are. */
  private List<MethodRow> paymentMethods;

  /** One row of the VAT table: the shop's rate for a destination → Exact VAT code and account. */
  public static class VatRow {
    private VatMapping.Kind kind = VatMapping.Kind.COUNTRY;
    private String country = "";
    private BigDecimal rate;
    private String vatCode;
    private String glAccount;
    private String row;

    public VatRow() {}

    public VatRow(
        VatMapping.Kind kind, String country, BigDecimal rate, String vatCode, String glAccount) {
      this.kind = kind;
      this.country = country;
      this.rate = rate;
      this.vatCode = vatCode;
      this.glAccount = glAccount;
    }

    public VatMapping.Kind getKind() {
      return kind;
    }

    public void setKind(VatMapping.Kind kind) {
      this.kind = kind;
    }

    public String getCountry() {
      return country;
    }

    public void setCountry(String country) {
      this.country = country;
    }

    public BigDecimal getRate() {
      return rate;
    }

    public void setRate(BigDecimal rate) {
      this.rate = rate;
    }

    public String getVatCode() {
      return vatCode;
    }

    public void setVatCode(String vatCode) {
      this.vatCode = vatCode;
    }

    public String getGlAccount() {
      return glAccount;
    }

    /**
     * Which row of the table this is, as first shown ("DE-19", "ICP", "new-1"): keeps its place on
     * the page while the rate is being changed. Not stored.
     */
    public String getRow() {
      return row;
    }

    public void setRow(String row) {
      this.row = row;
    }

    public void setGlAccount(String glAccount) {
      this.glAccount = glAccount;
    }
  }

  /** A shop payment method and the code of its fixed debtor (blank: none). */
  public static class MethodRow {
    private String method;
    private String title;
    private String debtor;

    public MethodRow() {}

    public MethodRow(String method, String title, String debtor) {
      this.method = method;
      this.title = title;
      this.debtor = debtor;
    }

    public String getMethod() {
      return method;
    }

    public void setMethod(String method) {
      this.method = method;
    }

    public String getTitle() {
      return title;
    }

    public void setTitle(String title) {
      this.title = title;
    }

    public String getDebtor() {
      return debtor;
    }

    public void setDebtor(String debtor) {
      this.debtor = debtor;
    }
  }

  public BookingMode getBookingMode() {
    return bookingMode;
  }

  public void setBookingMode(BookingMode bookingMode) {
    this.bookingMode = bookingMode;
  }

  public boolean isVatIncluding() {
    return vatIncluding;
  }

  public void setVatIncluding(boolean vatIncluding) {
    this.vatIncluding = vatIncluding;
  }

  public String getSalesJournal() {
    return salesJournal;
  }

  public void setSalesJournal(String salesJournal) {
    this.salesJournal = salesJournal;
  }

  public String getCashJournal() {
    return cashJournal;
  }

  public void setCashJournal(String cashJournal) {
    this.cashJournal = cashJournal;
  }

  public String getPaymentCondition() {
    return paymentCondition;
  }

  public void setPaymentCondition(String paymentCondition) {
    this.paymentCondition = paymentCondition;
  }

  public String getWarehouse() {
    return warehouse;
  }

  public void setWarehouse(String warehouse) {
    this.warehouse = warehouse;
  }

  public String getFallbackDebtor() {
    return fallbackDebtor;
  }

  public void setFallbackDebtor(String fallbackDebtor) {
    this.fallbackDebtor = fallbackDebtor;
  }

  public Set<String> getProcessablePaymentStatuses() {
    return processablePaymentStatuses;
  }

  public void setProcessablePaymentStatuses(Set<String> processablePaymentStatuses) {
    this.processablePaymentStatuses =
        processablePaymentStatuses == null
            ? new LinkedHashSet<>()
            : new LinkedHashSet<>(processablePaymentStatuses);
  }

  public LocalDate getStartDate() {
    return startDate;
  }

  public void setStartDate(LocalDate startDate) {
    this.startDate = startDate;
  }

  public Boolean getDirectInvoice() {
    return directInvoice;
  }

  public void setDirectInvoice(Boolean directInvoice) {
    this.directInvoice = directInvoice;
  }

  public Boolean getLedgerMappingDisabled() {
    return ledgerMappingDisabled;
  }

  public void setLedgerMappingDisabled(Boolean ledgerMappingDisabled) {
    this.ledgerMappingDisabled = ledgerMappingDisabled;
  }

  public Boolean getCurrencyEnabled() {
    return currencyEnabled;
  }

  public void setCurrencyEnabled(Boolean currencyEnabled) {
    this.currencyEnabled = currencyEnabled;
  }

  public List<VatRow> getVat() {
    return vat;
  }

  public void setVat(List<VatRow> vat) {
    this.vat = vat == null ? null : new ArrayList<>(vat);
  }

  public List<MethodRow> getPaymentMethods() {
    return paymentMethods;
  }

  public void setPaymentMethods(List<MethodRow> paymentMethods) {
    this.paymentMethods = paymentMethods == null ? null : new ArrayList<>(paymentMethods);
  }
}
