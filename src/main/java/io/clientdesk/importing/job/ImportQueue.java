package io.clientdesk.importing.job;

import java.time.Instant;
import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The durable queue of import jobs, on db-scheduler: a queued import is a row of
 * {@code scheduled_tasks}, written in the transaction that stores the import, so it is
 * there or not with it. Every server polls the table; one takes each job (row locking),
 * and if that server dies, another takes the job over when its heartbeats stop.
 */
@Component
class ImportQueue implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ImportQueue.class);

	private final OneTimeTask<String> task;

	private final Scheduler scheduler;

	private final int workers;

	ImportQueue(DataSource dataSource, ImportJob job, ImportProperties properties) {
		this.workers = properties.workers();
		this.task = Tasks.oneTime("client-import", String.class)
			.execute((instance, context) -> job.run(instance.getData()));
		// transaction-aware: scheduling joins the transaction that stores the import
		this.scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), this.task)
			.threads(this.workers)
			.pollingInterval(properties.pollingInterval())
			.heartbeatInterval(properties.heartbeatInterval())
			.schedulerName(new SchedulerName.Hostname())
			.enableImmediateExecution()
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

	@Override
	public void destroy() {
		this.scheduler.stop();
	}

}
