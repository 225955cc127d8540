package koppel.config;

import com.github.kagkarlsson.scheduler.boot.autoconfigure.Jackson3Serializer;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.util.Optional;
import koppel.account.TrialNotices;
import koppel.digest.DailyDigest;
import koppel.jobs.BookOrderJob;
import koppel.jobs.ExactKeepAliveJob;
import koppel.jobs.ImportOrdersJob;
import koppel.jobs.MailOutboxJob;
import koppel.jobs.OpenOrdersRecheckJob;
import koppel.jobs.OrderTaskData;
import koppel.jobs.ShopPollJob;
import koppel.jobs.ShopPollScheduler;
import koppel.jobs.StrandedOrdersJob;
import koppel.jobs.WebhookDeliveryPruneJob;
import koppel.order.pipeline.RetryPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The durable queue: task data as JSON (not Java serialization), and the tasks themselves. */
@Configuration(proxyBeanMethods = false)
class SchedulerConfig {

  @Bean
  DbSchedulerCustomizer dbSchedulerCustomizer() {
    Serializer json = new Jackson3Serializer();
    return new DbSchedulerCustomizer() {
      @Override
      public Optional<Serializer> serializer() {
        return Optional.of(json);
      }
    };
  }

  @Bean
  Task<OrderTaskData> bookOrderTask(BookOrderJob job) {
    return job.task();
  }

  @Bean
  Task<Void> exactKeepAliveTask(ExactKeepAliveJob job) {
    return job.task();
  }

  @Bean
  Task<Void> shopPollTask(ShopPollJob job) {
    return job.task();
  }

  @Bean
  Task<Void> ensureShopPollsTask(ShopPollScheduler scheduler) {
    return scheduler.task();
  }

  @Bean
  Task<Void> importOrdersTask(ImportOrdersJob job) {
    return job.task();
  }

  @Bean
  Task<Void> recheckOpenOrdersTask(OpenOrdersRecheckJob job) {
    return job.task();
  }

  @Bean
  Task<Void> pruneWebhookDeliveriesTask(WebhookDeliveryPruneJob job) {
    return job.task();
  }

  @Bean
  Task<Void> requeueStrandedOrdersTask(StrandedOrdersJob job) {
    return job.task();
  }

  @Bean
  Task<String> sendMailTask(MailOutboxJob job) {
    return job.task();
  }

  /** The daily digest of new errors: checked every quarter; due per shop at koppel.digest.time. */
  @Bean
  Task<Void> errorDigestTask(DailyDigest digest) {
    return Tasks.recurring("error-digest", Schedules.fixedDelay(Duration.ofMinutes(15)))
        .execute((instance, context) -> digest.run());
  }

  @Bean
  Task<Void> trialNoticesTask(TrialNotices notices) {
    return notices.task();
  }

  @Bean
  RetryPolicy retryPolicy(KoppelProperties p) {
    return new RetryPolicy(
        p.booking().maxAttempts(), p.booking().firstRetryDelay(), p.booking().takeoverAfter());
  }
}
