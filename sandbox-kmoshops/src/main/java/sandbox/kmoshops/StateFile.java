package sandbox.kmoshops;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps the sandbox's shops, installed and registered apps and orders in a file when {@code
 * sandbox.kmoshops.state-file} is set (the demo sets it), so a restarted demo finds its orders
 * again. Saved every 30 s and on shutdown; without the setting the sandbox lives in memory only.
 */
@Component
class StateFile {

  private static final Logger log = LoggerFactory.getLogger(StateFile.class);

  private final ShopStore shops;
  private final AppRegistry apps;
  private final Path file;
  private ScheduledExecutorService saver;

  StateFile(
      ShopStore shops, AppRegistry apps, @Value("${sandbox.kmoshops.state-file:}") String file) {
    this.shops = shops;
    this.apps = apps;
    this.file = file == null || file.isBlank() ? null : Path.of(file);
  }

  @PostConstruct
  void load() {
    if (file == null) {
      return;
    }
    if (Files.exists(file)) {
      try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
        Object[] state = (Object[]) in.readObject();
        if (state.length == 2) {
          shops.restore((Serializable) state[0]);
          apps.restore((Serializable) state[1]);
        } else {
          shops.restore(state); // a file from before app registrations were kept
        }
        log.info("KMO Shops sandbox state loaded from {}", file);
      } catch (IOException | ClassNotFoundException | ClassCastException e) {
        log.warn("Could not read {} ({}); starting empty", file, e.toString());
      }
    }
    saver =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "kmoshops-state-file");
              t.setDaemon(true);
              return t;
            });
    saver.scheduleWithFixedDelay(this::save, 30, 30, TimeUnit.SECONDS);
  }

  @PreDestroy
  void close() {
    if (saver != null) {
      saver.shutdownNow();
      save();
    }
  }

  synchronized void save() {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Serializable state = new Object[] {shops.snapshot(), apps.snapshot()};
      try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(tmp))) {
        out.writeObject(state);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      log.warn("Could not save the sandbox state to {}: {}", file, e.toString());
    }
  }
}
