package sandbox.kmoshops;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The shop platform's app store: registered apps (client id, secret, the one redirect URI) and the
 * authorization codes the approve page hands out. A code is single use and lives {@code
 * authorization-code-lifetime} (10 minutes) on the sandbox clock; exchanging it installs the app.
 */
@Component
public class AppRegistry {

  /** The scopes an app can ask for (contract §1). */
  static final List<String> SCOPES = List.of("orders:read", "shop:read", "webhooks:write");

  /** A registered app. */
  public record App(String clientId, String clientSecret, String redirectUri, String name)
      implements java.io.Serializable {}

  /** What an approval granted, until the code is exchanged. */
  record Grant(String clientId, String redirectUri, long shopId, String scope, Instant expiresAt) {}

  private final SandboxClock clock;
  private final KmoShopsSandboxProperties props;
  private final ShopStore store;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, App> apps = new LinkedHashMap<>();
  private final Map<String, Grant> codes = new HashMap<>();

  public AppRegistry(SandboxClock clock, KmoShopsSandboxProperties props, ShopStore store) {
    this.clock = clock;
    this.props = props;
    this.store = store;
  }

  public synchronized App register(
      String clientId, String clientSecret, String redirectUri, String name) {
    App app = new App(clientId, clientSecret, redirectUri, name == null ? clientId : name);
    apps.put(clientId, app);
    return app;
  }

  public synchronized Optional<App> app(String clientId) {
    return Optional.ofNullable(clientId == null ? null : apps.get(clientId));
  }

  public synchronized List<App> apps() {
    return new ArrayList<>(apps.values());
  }

  /**
   * The requested scope, normalised (single spaces, duplicates removed), or empty when it is blank
   * or names a scope the platform does not know.
   */
  static Optional<String> normaliseScope(String scope) {
    if (scope == null || scope.isBlank()) {
      return Optional.empty();
    }
    Set<String> wanted = new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
    return SCOPES.containsAll(wanted) ? Optional.of(String.join(" ", wanted)) : Optional.empty();
  }

  static boolean hasScope(ShopStore.Installation app, String scope) {
    return app.scope() != null && Arrays.asList(app.scope().trim().split("\\s+")).contains(scope);
  }

  public synchronized String issueCode(
      String clientId, String redirectUri, long shopId, String scope) {
    String code = secret(24);
    codes.put(
        code,
        new Grant(
            clientId,
            redirectUri,
            shopId,
            scope,
            clock.instant().plus(props.authorizationCodeLifetime())));
    return code;
  }

  /**
   * The token exchange of contract §1 step 3. The client authenticates first (401); then the code
   * must exist, be unused, unexpired, issued to this client and for this exact redirect URI (422).
   * A code is consumed only by a successful exchange.
   */
  public synchronized ShopStore.Installation exchange(
      String grantType, String code, String clientId, String clientSecret, String redirectUri) {
    if (blank(grantType) || blank(code) || blank(clientId) || blank(redirectUri)) {
      throw ApiProblem.validation(
          "grant_type, code, client_id, client_secret and redirect_uri are required");
    }
    App app = apps.get(clientId);
    if (app == null || clientSecret == null || !app.clientSecret().equals(clientSecret)) {
      throw ApiProblem.unauthorized("Unknown client or wrong client secret");
    }
    if (!"authorization_code".equals(grantType)) {
      throw ApiProblem.validation(
          "Unsupported grant_type '" + grantType + "': only authorization_code");
    }
    Grant grant = codes.get(code);
    if (grant == null || !grant.clientId().equals(clientId)) {
      throw ApiProblem.validation("The authorization code is unknown or has already been used");
    }
    if (clock.instant().isAfter(grant.expiresAt())) {
      codes.remove(code);
      throw ApiProblem.validation("The authorization code has expired");
    }
    if (!grant.redirectUri().equals(redirectUri)) {
      throw ApiProblem.validation("redirect_uri does not match the one the code was issued for");
    }
    if (store.shop(grant.shopId()).isEmpty()) {
      throw ApiProblem.validation("The shop of this authorization code no longer exists");
    }
    codes.remove(code);
    return store.install(grant.shopId(), clientId, grant.scope());
  }

  synchronized java.io.Serializable snapshot() {
    return new LinkedHashMap<>(apps);
  }

  @SuppressWarnings("unchecked")
  synchronized void restore(java.io.Serializable snapshot) {
    apps.putAll((Map<String, App>) snapshot);
  }

  public synchronized void reset() {
    apps.clear();
    codes.clear();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private String secret(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
