package koppel.web.dashboard;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import koppel.integration.Integration;
import koppel.integration.SubscriptionInvoices;
import koppel.web.Formats;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** One subscription invoice as a PDF, in the merchant's language. */
@Component
public class InvoicePdf {

  private final MessageSource messages;
  private final Formats formats;
  private final String seller;

  InvoicePdf(
      MessageSource messages,
      Formats formats,
      @Value("${koppel.subscription.seller:Koppel}") String seller) {
    this.messages = messages;
    this.formats = formats;
    this.seller = seller;
  }

  public byte[] render(
      Integration integration, SubscriptionInvoices.Invoice invoice, Locale locale) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 56, 56, 56, 56);
    PdfWriter.getInstance(doc, out);
    doc.addTitle(msg("invoice.pdf.title", locale) + " " + invoice.number());
    doc.open();
    Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
    Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    Font normal = FontFactory.getFont(FontFactory.HELVETICA, 10);
    doc.add(new Paragraph(msg("invoice.pdf.title", locale) + " " + invoice.number(), title));
    doc.add(new Paragraph(seller, bold));
    doc.add(new Paragraph(" "));
    String date =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(locale)
            .format(invoice.date());
    String month =
        DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(invoice.month().atDay(1));
    doc.add(new Paragraph(msg("invoice.pdf.date", locale) + ": " + date, normal));
    doc.add(new Paragraph(msg("invoice.pdf.to", locale) + ": " + integration.name(), normal));
    doc.add(new Paragraph(integration.ownerEmail(), normal));
    doc.add(
        new Paragraph(
            msg("invoice.pdf.licence", locale) + ": " + integration.licenceKey(), normal));
    doc.add(new Paragraph(" "));
    PdfPTable table = new PdfPTable(new float[] {4, 1.3f});
    table.setWidthPercentage(100);
    table.addCell(cell(msg("invoice.pdf.description", locale), bold, false));
    table.addCell(cell(msg("invoice.pdf.amount", locale), bold, true));
    table.addCell(cell(msg("invoice.pdf.line", locale, month), normal, false));
    table.addCell(cell(formats.amount(invoice.totalExcl(), "EUR"), normal, true));
    table.addCell(cell(msg("invoice.pdf.excl", locale), normal, false));
    table.addCell(cell(formats.amount(invoice.totalExcl(), "EUR"), normal, true));
    table.addCell(
        cell(msg("invoice.pdf.vat", locale, formats.percent(invoice.vatRate())), normal, false));
    table.addCell(cell(formats.amount(invoice.vat(), "EUR"), normal, true));
    table.addCell(cell(msg("invoice.pdf.incl", locale), bold, false));
    table.addCell(cell(formats.amount(invoice.totalIncl(), "EUR"), bold, true));
    doc.add(table);
    doc.add(new Paragraph(" "));
    doc.add(new Paragraph(msg("invoice.pdf.note", locale), normal));
    doc.close();
    return out.toByteArray();
  }

  private static PdfPCell cell(String text, Font font, boolean right) {
    PdfPCell c = new PdfPCell(new Phrase(text, font));
    c.setPadding(6);
    c.setHorizontalAlignment(right ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
    return c;
  }

  private String msg(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
