package koppel.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

  private final SecretCipher cipher = new SecretCipher(new byte[32]);

  @Test
  void roundTripsAndNeverStoresPlaintext() {
    byte[] sealed = cipher.encrypt("er_refresh-token");
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("refresh");
    assertThat(cipher.decrypt(sealed)).isEqualTo("er_refresh-token");
  }

  @Test
  void sameSecretEncryptsDifferentlyEachTime() {
    assertThat(cipher.encrypt("x")).isNotEqualTo(cipher.encrypt("x"));
  }

  @Test
  void tamperingOrAnotherKeyFailsLoudly() {
    byte[] sealed = cipher.encrypt("token");
    sealed[sealed.length - 1] ^= 1;
    assertThatThrownBy(() -> cipher.decrypt(sealed)).hasMessageContaining("koppel.crypto.key");
    byte[] key = new byte[32];
    key[0] = 1;
    byte[] other = new SecretCipher(key).encrypt("token");
    assertThatThrownBy(() -> cipher.decrypt(other)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void nullStaysNull() {
    assertThat(cipher.encrypt(null)).isNull();
    assertThat(cipher.decrypt(null)).isNull();
  }
}
