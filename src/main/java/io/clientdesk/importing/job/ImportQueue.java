package io.clientdesk.importing.job;

import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The durable queue of import jobs, on db-scheduler: a queued import is a row of
 * {@code scheduled_tasks}, written in the transaction that stores the import, so it is
 * there or not with it. Every server polls the table; one takes each job (row locking),
 * and if that server dies, another takes the job over when its heartbeats stop. The same
 * scheduler runs the daily {@link ImportRetention}.
 */
@Component
class ImportQueue {

	private static final Logger log = LoggerFactory.getLogger(ImportQueue.class);

	/**
	 * When a job that threw (the database was unreachable even for marking the import
	 * failed, or the server was stopping) is run again: db-scheduler's default is 5
	 * minutes.
	 */
	private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(10);

	private final OneTimeTask<String> task;

	private final Scheduler scheduler;

	private final int workers;

	/**
	 * Connections a running import may hold at once: its transaction, a short one for its
	 * progress, one for reading its file ahead ({@link ChunkReader}), and on PostgreSQL
	 * one for its clients' search text (ClientSearchWriter).
	 */
	static final int CONNECTIONS_PER_IMPORT = 4;

	ImportQueue(DataSource dataSource, ImportJob job, ImportRetention retention, ImportProperties properties) {
		this.workers = properties.workers();
		warnIfThePoolIsSmall(dataSource, this.workers);
		this.task = Tasks.oneTime("client-import", String.class)
			.onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY_AFTER_FAILURE))
			.execute((instance, context) -> job.run(instance.getData(),
					() -> context.getSchedulerState().isShuttingDown()));
		// daily, and at the first start; one server runs it (its row is locked)
		RecurringTask<Void> retentionTask = Tasks
			.recurring("import-retention", Schedules.fixedDelay(Duration.ofDays(1)))
			.execute((instance, context) -> retention.run());
		// transaction-aware: scheduling joins the transaction that stores the import
		this.scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), this.task)
			.startTasks(retentionTask)
			.threads(this.workers)
			.pollingInterval(properties.pollingInterval())
			.heartbeatInterval(properties.heartbeatInterval())
			.schedulerName(new SchedulerName.Hostname())
			.enableImmediateExecution()
			.shutdownMaxWait(properties.shutdownWait())
			.build();
	}

	/** Starts taking jobs once the application is ready (migrations done, beans up). */
	@EventListener(ApplicationReadyEvent.class)
	void start() {
		this.scheduler.start();
		log.info("Import workers started: {} imports at once", this.workers);
	}

	/**
	 * Queues the import in the current transaction; once it commits, this server looks
	 * for work at once instead of at its next poll.
	 */
	void enqueue(String importId) {
		this.scheduler.schedule(this.task.instance(importId, importId), Instant.now());
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					ImportQueue.this.scheduler.triggerCheckForDueExecutions();
				}
			});
		}
	}

	/**
	 * Stops taking jobs and waits for the running ones (up to {@code shutdown-wait}, then
	 * interrupts them and waits as long again), first thing when the application closes:
	 * while the database, the web server and the executor of after-commit listeners all
	 * still work, so an import that ends meanwhile ends whole. One still running after
	 * that is rolled back and left for another server ({@link ImportJob}).
	 */
	@EventListener(ContextClosedEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void stop() {
		this.scheduler.stop();
	}

	/**
	 * Says at start when the pool may be too small for the imports run at once (which
	 * would then wait for connections, and fail after the pool's timeout).
	 */
	private static void warnIfThePoolIsSmall(DataSource dataSource, int workers) {
		if (dataSource instanceof HikariDataSource hikari
				&& hikari.getMaximumPoolSize() < workers * CONNECTIONS_PER_IMPORT + 1) {
			log.warn("clientdesk.import.worker-threads is {}: each running import may hold {} connections at once,"
					+ " and the pool has {} (spring.datasource.hikari.maximum-pool-size); set it to at least {},"
					+ " or run fewer imports at once", workers, CONNECTIONS_PER_IMPORT, hikari.getMaximumPoolSize(),
					workers * CONNECTIONS_PER_IMPORT + 1);
		}
	}

}
