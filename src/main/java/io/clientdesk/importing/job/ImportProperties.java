package io.clientdesk.importing.job;

import java.time.Duration;

import io.clientdesk.importing.file.ImportLimits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the import ({@code clientdesk.import.*}).
 *
 * @param maxRecords records a file may have (the header and blank lines don't count)
 * @param maxFileSize bytes a file may have
 * @param workerThreads imports one server runs at once
 * @param pollingInterval how often a server looks for queued imports (besides being woken
 * at once when it queues one itself)
 * @param heartbeatInterval how often a server says it is still running an import; an
 * import whose server has been silent for six of these is taken over by another server
 * @param conflictRetries how many times an import is retried when a concurrent import
 * touched the same clients
 */
@ConfigurationProperties("clientdesk.import")
public record ImportProperties(@DefaultValue("5000") int maxRecords, @DefaultValue("10MB") DataSize maxFileSize,
		@DefaultValue("2") int workerThreads, @DefaultValue("2s") Duration pollingInterval,
		@DefaultValue("5s") Duration heartbeatInterval, @DefaultValue("5") int conflictRetries) {

	/**
	 * The settings as they are when none is given: the one place the defaults are written
	 * is the annotations above, also for the offline validator, which runs without
	 * Spring.
	 */
	public static ImportProperties defaults() {
		return new Binder().bindOrCreate("clientdesk.import", ImportProperties.class);
	}

	public ImportLimits limits() {
		return new ImportLimits(this.maxRecords, this.maxFileSize.toBytes());
	}

}
