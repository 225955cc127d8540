package koppel.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The merchant's language: Dutch or English. A choice made with the switch ({@code ?lang=nl}) is
 * kept in a cookie for a year; without one, the browser's preferred language decides (its region
 * kept, so nl-BE and nl-NL format amounts and dates their own way); anything else is English.
 */
@Component("localeResolver")
public class Languages implements LocaleResolver {

  public static final String COOKIE = "koppel-lang";
  public static final List<String> SUPPORTED = List.of("nl", "en");

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    if (request.getAttribute(COOKIE) instanceof String chosen && SUPPORTED.contains(chosen)) {
      return withRegion(chosen, request); // switched by this very request
    }
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie c : cookies) {
        if (COOKIE.equals(c.getName()) && SUPPORTED.contains(c.getValue())) {
          return withRegion(c.getValue(), request);
        }
      }
    }
    if (request.getHeader("Accept-Language") != null) {
      for (Locale l : Collections.list(request.getLocales())) {
        if (SUPPORTED.contains(l.getLanguage())) {
          return l.getCountry().isEmpty() ? withRegion(l.getLanguage(), request) : l;
        }
      }
    }
    return Locale.UK;
  }

  /**
   * The chosen language with the browser's region when the browser speaks it (nl-NL stays Dutch
   * from the Netherlands); otherwise Belgian Dutch or British English, so an English page still
   * writes dates day first, as our merchants read them.
   */
  private static Locale withRegion(String language, HttpServletRequest request) {
    if (request.getHeader("Accept-Language") != null) {
      for (Locale l : Collections.list(request.getLocales())) {
        if (l.getLanguage().equals(language) && !l.getCountry().isEmpty()) {
          return l;
        }
      }
    }
    return "nl".equals(language) ? Locale.forLanguageTag("nl-BE") : Locale.UK;
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    if (response == null) {
      return;
    }
    String language = locale == null ? null : locale.getLanguage();
    Cookie c = new Cookie(COOKIE, SUPPORTED.contains(language) ? language : "");
    c.setPath("/");
    c.setHttpOnly(true);
    c.setMaxAge(SUPPORTED.contains(language) ? 365 * 24 * 3600 : 0);
    c.setAttribute("SameSite", "Lax");
    response.addCookie(c);
    request.setAttribute(COOKIE, language);
  }
}
