package koppel.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import koppel.integration.Integration;
import koppel.integration.IntegrationStore;
import koppel.integration.Profiles;
import koppel.web.Merchants;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** What the Profile tab does: notification address, stop and start. */
@RestController
@RequestMapping("/api/profile")
@Tag(name = "Profile", description = "Notification address, stopping and starting the integration")
class ProfileApiController {

  private final Merchants merchants;
  private final Profiles profiles;
  private final IntegrationStore integrations;

  ProfileApiController(Merchants merchants, Profiles profiles, IntegrationStore integrations) {
    this.merchants = merchants;
    this.profiles = profiles;
    this.integrations = integrations;
  }

  /** The profile of an integration as the API shows it. */
  record ProfileView(
      UUID integrationId,
      String name,
      String licenceKey,
      String ownerEmail,
      String notificationEmail,
      boolean stopped,
      boolean subscriptionActive,
      Instant trialEndsAt) {
    static ProfileView of(Integration i) {
      return new ProfileView(
          i.id(),
          i.name(),
          i.licenceKey(),
          i.ownerEmail(),
          i.notificationEmail(),
          i.isStopped(),
          i.subscriptionActive(),
          i.trialEndsAt());
    }
  }

  record NotificationEmail(String email) {}

  @GetMapping
  @Operation(summary = "The integration's profile")
  ProfileView get(Authentication auth, @RequestParam(required = false) UUID integration) {
    return view(merchants.integrationOf(auth, integration));
  }

  @PutMapping("/notification-email")
  @Operation(
      summary = "Set the extra address for notifications",
      description = "An empty or missing e-mail removes it; an invalid one is refused (400).")
  ProfileView notificationEmail(
      Authentication auth,
      @RequestParam(required = false) UUID integration,
      @RequestBody NotificationEmail body) {
    UUID id = merchants.integrationOf(auth, integration);
    profiles.setNotificationEmail(id, body == null ? null : body.email());
    return view(id);
  }

  @PostMapping("/stop")
  @Operation(summary = "Stop booking orders; nothing is deleted, new orders wait as OPEN")
  ProfileView stop(Authentication auth, @RequestParam(required = false) UUID integration) {
    UUID id = merchants.integrationOf(auth, integration);
    profiles.stop(id);
    return view(id);
  }

  @PostMapping("/start")
  @Operation(summary = "Start booking again; the orders that waited are queued")
  Map<String, Object> start(Authentication auth, @RequestParam(required = false) UUID integration) {
    UUID id = merchants.integrationOf(auth, integration);
    int queued = profiles.start(id);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("profile", view(id));
    body.put("queued", queued);
    return body;
  }

  @ExceptionHandler(Profiles.InvalidInput.class)
  ResponseEntity<Map<String, Object>> invalid(Profiles.InvalidInput e) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", e.code());
    error.put("message", e.getMessage());
    error.put("resolution", "Write the address as name@yourshop.be, or send an empty one.");
    return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", error));
  }

  private ProfileView view(UUID id) {
    return ProfileView.of(
        integrations.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
  }
}
