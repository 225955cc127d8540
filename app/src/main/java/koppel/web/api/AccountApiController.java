package koppel.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import koppel.account.LicenceKeys;
import koppel.account.Passwords;
import koppel.integration.Installation;
import koppel.integration.Integration;
import koppel.integration.IntegrationAdmin;
import koppel.integration.Login;
import koppel.web.Merchants;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the account page and the installation tab do, as JSON: the login's licence keys, removing a
 * stale one, changing the password, and where the installation stands. Messages are in the
 * request's language.
 */
@RestController
@Tag(name = "Account", description = "Licence keys, password, installation state")
class AccountApiController {

  private final Merchants merchants;
  private final LicenceKeys keys;
  private final Passwords passwords;
  private final Installation installation;
  private final IntegrationAdmin admin;
  private final MessageSource messages;

  AccountApiController(
      Merchants merchants,
      LicenceKeys keys,
      Passwords passwords,
      Installation installation,
      IntegrationAdmin admin,
      MessageSource messages) {
    this.merchants = merchants;
    this.keys = keys;
    this.passwords = passwords;
    this.installation = installation;
    this.admin = admin;
    this.messages = messages;
  }

  @GetMapping("/api/account")
  @Operation(summary = "The login and its licence keys (which may be removed, and why not)")
  Map<String, Object> account(Authentication auth, Locale locale) {
    Login login = login(auth);
    List<Map<String, Object>> out =
        keys.of(login.id()).stream()
            .map(
                k -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("id", k.integration().id());
                  m.put("name", k.integration().name());
                  m.put("licenceKey", k.integration().licenceKey());
                  m.put("shopConnected", k.shopConnected());
                  m.put("stopped", k.integration().isStopped());
                  m.put("removable", k.removable());
                  if (!k.removable()) {
                    m.put("whyKept", messages.getMessage(k.whyKept(), null, locale));
                  }
                  return m;
                })
            .toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", login.username());
    body.put("email", login.email());
    body.put("keys", out);
    return body;
  }

  @DeleteMapping("/api/account/keys/{integration}")
  @Operation(summary = "Removes a stale licence key from the login (nothing is deleted)")
  ResponseEntity<Map<String, Object>> remove(
      Authentication auth, @PathVariable UUID integration, Locale locale) {
    try {
      keys.remove(login(auth).id(), integration);
      return ResponseEntity.noContent().build();
    } catch (LicenceKeys.NotYours e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown licence key");
    } catch (LicenceKeys.Kept kept) {
      return ResponseEntity.status(HttpStatus.CONFLICT)
          .body(
              Map.of(
                  "error",
                  Map.of(
                      "code",
                      "KEY_KEPT",
                      "message",
                      messages.getMessage(kept.getMessage(), null, locale),
                      "resolution",
                      messages.getMessage(kept.getMessage(), null, locale))));
    }
  }

  record PasswordChange(String current, String password, String repeat) {}

  @PutMapping("/api/account/password")
  @Operation(summary = "Changes the password: the current one and the new one twice")
  ResponseEntity<Map<String, Object>> password(
      Authentication auth, @RequestBody PasswordChange change, Locale locale) {
    Passwords.Result result =
        passwords.change(auth.getName(), change.current(), change.password(), change.repeat());
    if (result instanceof Passwords.Changed) {
      return ResponseEntity.ok(Map.of("changed", true));
    }
    if (result instanceof Passwords.Rejected rejected) {
      Map<String, String> errors = new LinkedHashMap<>();
      rejected
          .errors()
          .forEach(
              (field, key) ->
                  errors.put(
                      field,
                      messages.getMessage(
                          key, new Object[] {koppel.account.PasswordRules.MIN}, locale)));
      return ResponseEntity.badRequest().body(Map.of("errors", errors));
    }
    throw new ResponseStatusException(HttpStatus.FORBIDDEN);
  }

  @GetMapping("/api/installation")
  @Operation(summary = "Where the installation stands: the two dots with reason and fix")
  Map<String, Object> installation(
      Authentication auth, @RequestParam(required = false) UUID integration, Locale locale) {
    UUID id = merchants.integrationOf(auth, integration);
    Installation.Status s = installation.of(id);
    Integration i =
        merchants.integrations(auth).stream()
            .filter(x -> x.id().equals(id))
            .findFirst()
            .orElse(null);
    Map<String, Object> body = new LinkedHashMap<>();
    if (i != null) {
      body.put("licenceKey", i.licenceKey());
      body.put("installationLink", admin.installationLink(i));
    }
    body.put("shop", dot(s.shop(), locale));
    body.put("exact", dot(s.exact(), locale));
    body.put("division", s.division());
    body.put("configured", s.configured());
    body.put("complete", s.complete());
    return body;
  }

  private Map<String, Object> dot(Installation.Dot d, Locale locale) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("green", d.green());
    m.put("code", d.code());
    m.put("reason", messages.getMessage("dot." + d.code() + ".reason", null, locale));
    m.put("fix", messages.getMessage("dot." + d.code() + ".fix", null, locale));
    return m;
  }

  private Login login(Authentication auth) {
    return merchants
        .login(auth)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No login"));
  }
}
