package koppel.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import koppel.persistence.SecretCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key for secrets at rest: {@code koppel.crypto.key} (base64, 32 bytes). Without it a key is
 * generated once into the data directory, which suits the demo; production sets the key.
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfig {

  private static final Logger log = LoggerFactory.getLogger(CryptoConfig.class);

  @Bean
  SecretCipher secretCipher(KoppelProperties p) {
    String configured = p.crypto().key();
    if (configured != null && !configured.isBlank()) {
      return new SecretCipher(Base64.getDecoder().decode(configured.trim()));
    }
    return new SecretCipher(keyFile(p.dataDir().resolve("secret.key")));
  }

  private static byte[] keyFile(Path file) {
    try {
      if (Files.exists(file)) {
        return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
      }
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      Files.createDirectories(file.getParent());
      Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
      log.warn("No koppel.crypto.key configured: generated one in {}", file);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the key file " + file, e);
    }
  }
}
