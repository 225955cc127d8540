package sandbox.exact;

import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Exact's OAuth2 as the reference describes it: single-use authorization codes; access tokens of
 * 600 s; refresh tokens that rotate on every use, are refused within 570 s of the last issue, die
 * after 30 days unused, and kill the whole chain when an old one is used again.
 */
@Component
public class OAuthServer {

  private static final DateTimeFormatter EXACT_TIME =
      DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", java.util.Locale.US)
          .withZone(ZoneOffset.UTC);

  public record Client(String clientId, String secret, String redirectUri, String name)
      implements Serializable {}

  public record User(
      String username, String password, String fullName, String email, List<Integer> divisions)
      implements Serializable {}

  public record Session(String clientId, String username) {}

  /** The outcome of a token request: HTTP status, JSON body, optional Reason header. */
  public record TokenAnswer(int status, Map<String, Object> body, String reason) {}

  private record Code(String clientId, String username, String redirectUri, Instant expiresAt)
      implements Serializable {}

  private static final class Chain implements Serializable {
    private static final long serialVersionUID = 1L;
    final String clientId;
    final String username;
    Instant lastIssuedAt;
    String currentRefresh;
    Instant currentIssuedAt;
    final Set<String> oldRefresh = new HashSet<>();
    final Map<String, Instant> retiredAt = new HashMap<>();
    boolean dead;

    Chain(String clientId, String username) {
      this.clientId = clientId;
      this.username = username;
    }
  }

  private record Access(String clientId, String username, Instant expiresAt)
      implements Serializable {}

  private final ExactSandboxProperties props;
  private final SandboxClock clock;
  private final Faults faults;
  private final SecureRandom random = new SecureRandom();
  private final Object lock = new Object();
  private final Map<String, Client> clients = new LinkedHashMap<>();
  private final Map<String, User> users = new LinkedHashMap<>();
  private final Map<String, Code> codes = new HashMap<>();
  private final Map<String, Chain> chainsByRefresh = new HashMap<>();
  private final Map<String, Access> accessTokens = new HashMap<>();
  private final Map<String, AtomicInteger> tokenCallsToday = new HashMap<>();
  private final AtomicInteger refreshCount = new AtomicInteger();
  private final AtomicInteger tooEarlyCount = new AtomicInteger();
  private final AtomicInteger oldRefreshTokenCount = new AtomicInteger();

  public OAuthServer(ExactSandboxProperties props, SandboxClock clock, Faults faults) {
    this.props = props;
    this.clock = clock;
    this.faults = faults;
  }

  public Client registerClient(String clientId, String secret, String redirectUri, String name) {
    synchronized (lock) {
      Client c = new Client(clientId, secret, redirectUri, name);
      clients.put(clientId, c);
      return c;
    }
  }

  public User registerUser(
      String username, String password, String fullName, String email, List<Integer> divisions) {
    synchronized (lock) {
      User u = new User(username, password, fullName, email, List.copyOf(divisions));
      users.put(username, u);
      return u;
    }
  }

  public void grantDivision(String username, int division) {
    synchronized (lock) {
      User u = users.get(username);
      if (u != null && !u.divisions().contains(division)) {
        List<Integer> all = new ArrayList<>(u.divisions());
        all.add(division);
        users.put(username, new User(u.username(), u.password(), u.fullName(), u.email(), all));
      }
    }
  }

  public Optional<Client> client(String clientId) {
    synchronized (lock) {
      return Optional.ofNullable(clients.get(clientId));
    }
  }

  public Optional<User> user(String username) {
    synchronized (lock) {
      return Optional.ofNullable(users.get(username));
    }
  }

  public Optional<User> login(String username, String password) {
    return user(username).filter(u -> u.password().equals(password));
  }

  /** After login and consent: a single-use code for the redirect. */
  public String issueCode(String clientId, String username, String redirectUri) {
    synchronized (lock) {
      String code = "ec_" + token(32);
      codes.put(
          code,
          new Code(
              clientId,
              username,
              redirectUri,
              clock.instant().plus(props.authorizationCodeLifetime())));
      return code;
    }
  }

  /** The token endpoint: both grants, with Exact's answers. */
  public TokenAnswer token(Map<String, String> form) {
    synchronized (lock) {
      Client client = clients.get(form.getOrDefault("client_id", ""));
      if (client == null || !client.secret().equals(form.get("client_secret"))) {
        return error(
            400,
            "invalid_client",
            "Client with identifier '" + form.getOrDefault("client_id", "") + "' not found.",
            null);
      }
      String grant = form.getOrDefault("grant_type", "");
      return switch (grant) {
        case "authorization_code" -> exchangeCode(client, form);
        case "refresh_token" -> refresh(client, form.getOrDefault("refresh_token", ""));
        default -> error(400, "unsupported_grant_type", null, null);
      };
    }
  }

  private TokenAnswer exchangeCode(Client client, Map<String, String> form) {
    Code code = codes.remove(form.getOrDefault("code", ""));
    Instant now = clock.instant();
    if (code == null
        || code.expiresAt().isBefore(now)
        || !code.clientId().equals(client.clientId())
        || !code.redirectUri().equals(form.get("redirect_uri"))) {
      return error(400, "invalid_grant", null, null);
    }
    if (!countTokenCall(client.clientId(), code.username(), now)) {
      return tooManyTokenCalls();
    }
    // a new consent starts a new chain; the previous chain of this app and user ends
    chainsByRefresh.values().stream()
        .filter(c -> c.clientId.equals(client.clientId()) && c.username.equals(code.username()))
        .forEach(c -> c.dead = true);
    Chain chain = new Chain(client.clientId(), code.username());
    return issue(chain, now);
  }

  private TokenAnswer refresh(Client client, String refreshToken) {
    Instant now = clock.instant();
    Chain chain = chainsByRefresh.get(refreshToken);
    if (chain == null || !chain.clientId.equals(client.clientId())) {
      return error(400, "invalid_grant", null, null);
    }
    if (!countTokenCall(client.clientId(), chain.username, now)) {
      return tooManyTokenCalls();
    }
    boolean stale = !refreshToken.equals(chain.currentRefresh);
    if (stale) {
      Instant retired = chain.retiredAt.get(refreshToken);
      boolean inGrace =
          retired != null
              && !props.refreshGraceWindow().isZero()
              && now.isBefore(retired.plus(props.refreshGraceWindow()));
      if (!inGrace) {
        chain.dead = true;
        oldRefreshTokenCount.incrementAndGet();
        return error(401, "unauthorized_client", "Old refresh token used.", null);
      }
    }
    if (chain.dead) {
      oldRefreshTokenCount.incrementAndGet();
      return error(401, "unauthorized_client", "Old refresh token used.", null);
    }
    Instant expiresAt = chain.currentIssuedAt.plus(props.refreshTokenIdleLifetime());
    if (now.isAfter(expiresAt)) {
      chain.dead = true;
      return error(
          400,
          "invalid_request",
          "The refresh token expired at "
              + EXACT_TIME.format(expiresAt)
              + " and it is now "
              + EXACT_TIME.format(now)
              + ".",
          null);
    }
    if (now.isBefore(chain.lastIssuedAt.plus(props.minRefreshAge()))) {
      String message = "Rate limit exceeded: access_token not expired";
      tooEarlyCount.incrementAndGet();
      return error(400, "access_denied", message, "TooEarlyToRefreshTokens: " + message);
    }
    refreshCount.incrementAndGet();
    TokenAnswer answer = issue(chain, now);
    if (faults.takeTokenResponseLoss()) {
      // the token was rotated, but the client never hears about it (gateway fault)
      Map<String, Object> fault = new LinkedHashMap<>();
      fault.put(
          "fault",
          Map.of(
              "faultstring",
              "Failed to execute the ExtractVariables: ExtractAccessToken",
              "detail",
              Map.of("errorcode", "steps.extractvariables.ExecutionFailed")));
      return new TokenAnswer(500, fault, null);
    }
    return answer;
  }

  private TokenAnswer issue(Chain chain, Instant now) {
    if (chain.currentRefresh != null) {
      chain.oldRefresh.add(chain.currentRefresh);
      chain.retiredAt.put(chain.currentRefresh, now);
    }
    String access = "ea_" + token(48);
    String refresh = "er_" + token(48);
    chain.currentRefresh = refresh;
    chain.currentIssuedAt = now;
    chain.lastIssuedAt = now;
    chainsByRefresh.put(refresh, chain);
    accessTokens.put(
        access, new Access(chain.clientId, chain.username, now.plus(props.accessTokenLifetime())));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", access);
    body.put("token_type", "bearer");
    body.put("expires_in", Long.toString(props.accessTokenLifetime().toSeconds()));
    body.put("refresh_token", refresh);
    return new TokenAnswer(200, body, null);
  }

  /** Issues a token pair without the browser dance (admin API, demos). */
  public Map<String, Object> issueDirect(String clientId, String username) {
    synchronized (lock) {
      if (!clients.containsKey(clientId) || !users.containsKey(username)) {
        throw new IllegalArgumentException("Unknown client or user");
      }
      return issue(new Chain(clientId, username), clock.instant()).body();
    }
  }

  /** The session behind a bearer token, if it is known and not expired. */
  public Optional<Session> authenticate(String bearer) {
    synchronized (lock) {
      Access a = accessTokens.get(bearer);
      if (a == null || !clock.instant().isBefore(a.expiresAt())) {
        return Optional.empty();
      }
      return Optional.of(new Session(a.clientId(), a.username()));
    }
  }

  /** Whose token this is, expired or not (an expired token's 401 still counts as an error). */
  public Optional<Session> owner(String bearer) {
    synchronized (lock) {
      Access a = bearer == null ? null : accessTokens.get(bearer);
      return a == null ? Optional.empty() : Optional.of(new Session(a.clientId(), a.username()));
    }
  }

  /** Everything this server knows, for the sandbox's state file. */
  Serializable snapshot() {
    synchronized (lock) {
      return new Object[] {
        new LinkedHashMap<>(clients),
        new LinkedHashMap<>(users),
        new HashMap<>(codes),
        new HashMap<>(chainsByRefresh),
        new HashMap<>(accessTokens)
      };
    }
  }

  @SuppressWarnings("unchecked")
  void restore(Serializable snapshot) {
    Object[] s = (Object[]) snapshot;
    synchronized (lock) {
      clients.putAll((Map<String, Client>) s[0]);
      users.putAll((Map<String, User>) s[1]);
      codes.putAll((Map<String, Code>) s[2]);
      chainsByRefresh.putAll((Map<String, Chain>) s[3]);
      accessTokens.putAll((Map<String, Access>) s[4]);
    }
  }

  public int refreshCount() {
    return refreshCount.get();
  }

  /** What the token endpoint did: rotations, too-early refusals, old tokens presented. */
  public Map<String, Integer> stats() {
    Map<String, Integer> out = new LinkedHashMap<>();
    out.put("refreshes", refreshCount.get());
    out.put("tooEarly", tooEarlyCount.get());
    out.put("oldRefreshTokenUsed", oldRefreshTokenCount.get());
    return out;
  }

  public void reset() {
    synchronized (lock) {
      clients.clear();
      users.clear();
      codes.clear();
      chainsByRefresh.clear();
      accessTokens.clear();
      tokenCallsToday.clear();
      refreshCount.set(0);
      tooEarlyCount.set(0);
      oldRefreshTokenCount.set(0);
    }
  }

  private boolean countTokenCall(String clientId, String username, Instant now) {
    String key = clientId + "|" + username + "|" + now.atZone(ZoneOffset.UTC).toLocalDate();
    return tokenCallsToday.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet()
        <= props.tokenCallsPerDay();
  }

  private static TokenAnswer tooManyTokenCalls() {
    return error(400, "access_denied", "Rate limit exceeded: too many token requests", null);
  }

  private static TokenAnswer error(int status, String error, String description, String reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    if (description != null) {
      body.put("error_description", description);
    }
    return new TokenAnswer(status, body, reason);
  }

  private String token(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
