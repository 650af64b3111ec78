package io.clientdesk.importing.job;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import io.clientdesk.audit.AuditAction;
import io.clientdesk.audit.AuditLog;
import io.clientdesk.importing.ImportStatus;
import io.clientdesk.importing.file.ClientCsvParser;
import io.clientdesk.importing.file.CsvRow;
import io.clientdesk.importing.file.ImportLimits;
import io.clientdesk.importing.file.RowError;
import io.clientdesk.importing.job.ImportRepository.StoredImport;
import io.clientdesk.importing.rows.DateOrder;
import io.clientdesk.importing.rows.RowValidator;
import io.clientdesk.importing.profile.ImportProfile;
import io.clientdesk.importing.profile.ImportProfileService;
import io.clientdesk.shared.ConflictException;
import io.clientdesk.shared.InvalidRequestException;
import io.clientdesk.shared.NotFoundException;
import io.clientdesk.shared.ObjectIds;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports: accepting a file, following it, its error report and what it changed, and
 * committing a clean dry run. The import itself runs in the background
 * ({@link ImportJob}).
 */
@Service
public class ImportService {

	/** Imports listed at most (newest first). */
	static final int LIST_LIMIT = 500;

	private final ImportRepository imports;

	private final ImportQueue queue;

	private final ImportProperties properties;

	private final AuditLog audit;

	private final ImportQuota quota;

	private final ImportRetention retention;

	private final ImportProfileService profiles;

	private final TransactionTemplate transaction;

	/**
	 * Uploads checked at once: 20 at once took both cores, for no answer sooner (and,
	 * before files were read as streams, 227 of 256 MiB of heap: docs/performance.md).
	 */
	private final Semaphore checking;

	private final ClientCsvParser parser = new ClientCsvParser();

	private final Clock clock = Clock.systemUTC();

	ImportService(ImportRepository imports, ImportQueue queue, ImportProperties properties, AuditLog audit,
			ImportQuota quota, ImportRetention retention, ImportProfileService profiles,
			PlatformTransactionManager transactionManager) {
		this.profiles = profiles;
		this.imports = imports;
		this.queue = queue;
		this.properties = properties;
		this.audit = audit;
		this.quota = quota;
		this.retention = retention;
		this.transaction = new TransactionTemplate(transactionManager);
		this.checking = new Semaphore(properties.checks(), true);
	}

	/**
	 * Checks the whole file and, where nothing rejects it, stores it with a new import
	 * and queues the import; answers at once. The content is copied once, and no further
	 * than the size limit, to a temporary file, checked from there as a stream (its rows
	 * are counted, not kept) and stored in chunks from there too; the checks run before
	 * the transaction that stores it begins: the transaction holds a pooled connection,
	 * and 20 uploads at once, each reading and checking under the others' load, took all
	 * of them while the list waited (docs/performance.md). A few are checked at once
	 * ({@link #checking}).
	 * @param dateOrder the order of the file's numeric dates ({@code 04/03/2024}) as the
	 * user declares it, or {@code null}: a file with such dates is then rejected
	 * @throws FileRejectedException naming every problem that rejects the file as a whole
	 * @throws io.clientdesk.shared.LimitReachedException where the user has too many
	 * imports waiting (429) or too many bytes stored (413)
	 */
	public Import upload(String fileName, InputStream content, boolean dryRun, OnError onError, DateOrder dateOrder,
			Viewer user) {
		return upload(fileName, content, dryRun, onError, dateOrder, null, user);
	}

	/**
	 * As {@link #upload(String, InputStream, boolean, OnError, DateOrder, Viewer)}, the
	 * file's columns mapped by an import profile: its header must have the profile's
	 * columns, no more and no fewer, and the import keeps the profile as it is now. The
	 * date order given wins over the profile's.
	 * @param profileName the profile, or null for the importer's own columns
	 * @throws io.clientdesk.shared.InvalidRequestException 422 naming {@code profile}
	 * when no profile has the name
	 */
	public Import upload(String fileName, InputStream content, boolean dryRun, OnError onError, DateOrder dateOrder,
			String profileName, Viewer user) {
		ImportProfile profile = (profileName != null) ? this.profiles.forUpload(profileName) : null;
		DateOrder order = (dateOrder != null || profile == null) ? dateOrder
				: DateOrder.parse(profile.dateFormat()).orElse(null);
		return accept(fileName, content, dryRun, onError, order, profile, user, null);
	}

	/**
	 * Reads and checks a file, then stores it with a new import and queues the import: an
	 * upload, or a corrected file, whose import records the import it corrects. Either
	 * goes through the same checks and limits.
	 */
	Import accept(String fileName, InputStream content, boolean dryRun, OnError onError, DateOrder dateOrder,
			ImportProfile profile, Viewer user, String correctedFrom) {
		ImportLimits limits = this.properties.limits();
		UploadedFile file;
		int rows;
		this.checking.acquireUninterruptibly();
		try {
			file = UploadedFile.copy(content, limits);
			try {
				rows = this.parser
					.read((fileName != null) ? fileName : "", file.source(), limits,
							(profile != null) ? this.profiles.mapping(profile) : null,
							(row) -> RowValidator.requireDateOrder(List.of(row), dateOrder))
					.records();
			}
			catch (RuntimeException ex) {
				file.close();
				throw ex;
			}
		}
		finally {
			this.checking.release();
		}
		try (file) {
			String sha256 = file.sha256();
			return this.transaction.execute((status) -> {
				this.quota.checkUpload(user.username(), file.size());
				String fileId = ObjectIds.next();
				Instant now = this.clock.instant();
				this.imports.insertFile(fileId, sha256, file.source(), now);
				Import view = queued(ObjectIds.next(), fileName, dryRun, onError, rows, user, now, sha256, dateOrder,
						(profile != null) ? profile.name() : null);
				this.imports.insert(view, fileId, null);
				if (profile != null) {
					this.imports.setProfile(view.id(), profile.name(), ImportProfileService.snapshot(profile));
				}
				Map<String, Object> details = new LinkedHashMap<>(Map.of("file", (fileName != null) ? fileName : "",
						"dryRun", dryRun, "onError", onError.value(), "rows", view.totalRows(), "sha256", sha256));
				if (correctedFrom != null) {
					this.imports.correctedFrom(view.id(), correctedFrom);
					view = view.correcting(correctedFrom);
					details.put("correctedFrom", correctedFrom);
				}
				this.queue.enqueue(view.id());
				this.audit.record(AuditAction.IMPORT_UPLOADED, view.id(), details);
				return view;
			});
		}
	}

	/**
	 * Imports for real the file of a dry run that ended without errors, checked again
	 * against the database as it is now.
	 */
	@Transactional
	public Import commit(String dryRunId, Viewer user) {
		StoredImport dryRun = find(dryRunId, user);
		Import view = dryRun.view();
		if (!view.dryRun() || view.status() != ImportStatus.SUCCEEDED) {
			throw new ConflictException("Only a dry run that succeeded can be committed; import " + dryRunId + " is "
					+ (view.dryRun() ? "a dry run that is " + view.status() : "not a dry run"));
		}
		this.imports.committedAs(dryRunId).ifPresent((id) -> {
			throw new ConflictException("Dry run " + dryRunId + " has already been committed as import " + id);
		});
		if (view.filesDeletedAt() != null) {
			throw gone(this.retention.gone("The file of dry run " + dryRunId) + "; upload it again");
		}
		this.quota.checkCommit(user.username());
		Import committed = queued(ObjectIds.next(), view.fileName(), false, view.onError(), view.totalRows(), user,
				this.clock.instant(), view.sha256(), view.dateFormat(), view.profile());
		this.imports.insert(committed, dryRun.fileId(), dryRunId);
		if (view.profile() != null) {
			// read as the dry run was, whatever the profile says now
			this.imports.setProfile(committed.id(), view.profile(), dryRun.profileDefinition());
		}
		this.queue.enqueue(committed.id());
		this.audit.record(AuditAction.IMPORT_COMMITTED, committed.id(), Map.of("committedFrom", dryRunId));
		return committed;
	}

	@Transactional(readOnly = true)
	public Import get(String id, Viewer user) {
		return find(id, user).view();
	}

	/** Newest first: all imports for an admin, one's own for others. */
	@Transactional(readOnly = true)
	public List<Import> list(Viewer user) {
		return this.imports.findAll(user, LIST_LIMIT);
	}

	/**
	 * The import's errors.
	 * @throws InvalidRequestException 410 once the retention has deleted them
	 */
	@Transactional(readOnly = true)
	public List<RowError> errors(String id, Viewer user) {
		if (find(id, user).view().filesDeletedAt() != null) {
			throw gone(this.retention.gone("The error report of import " + id));
		}
		return this.imports.errors(id);
	}

	@Transactional(readOnly = true)
	public ImportChangePage changes(String id, int page, int size, Viewer user) {
		find(id, user);
		return new ImportChangePage(this.imports.changes(id, page, size), page, size, this.imports.countChanges(id));
	}

	static String errorReportPath(String importId) {
		return "/api/imports/" + importId + "/errors.csv";
	}

	/**
	 * A new import; {@code sameFileAs} names only an earlier import the user may see, as
	 * every read does.
	 */
	private Import queued(String id, String fileName, boolean dryRun, OnError onError, int totalRows, Viewer user,
			Instant now, String sha256, DateOrder dateOrder, String profile) {
		return Import.queued(id, fileName, dryRun, onError, totalRows, user.username(), now, sha256,
				this.imports.latestWithSha256(sha256, user).orElse(null), dateOrder, profile);
	}

	private StoredImport find(String id, Viewer user) {
		return this.imports.findById(id, user)
			.filter((stored) -> user.maySee(stored.view()))
			.orElseThrow(() -> new NotFoundException("Import", id));
	}

	private static InvalidRequestException gone(String detail) {
		return new InvalidRequestException(HttpStatus.GONE, "Gone", detail, List.of());
	}

}
