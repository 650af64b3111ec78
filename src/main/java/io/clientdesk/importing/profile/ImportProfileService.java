package io.clientdesk.importing.profile;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import java.io.InputStream;

import io.clientdesk.importing.file.ClientColumn;
import io.clientdesk.importing.file.ClientCsvParser;
import io.clientdesk.importing.file.ImportLimits;
import io.clientdesk.importing.file.ColumnMapping;
import io.clientdesk.importing.file.FilePreview;
import io.clientdesk.organisation.OrganisationService;
import io.clientdesk.shared.ConflictException;
import io.clientdesk.shared.InvalidRequestException;
import io.clientdesk.shared.NotFoundException;
import io.clientdesk.shared.Problem;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Import profiles: listed, saved, edited and deleted by managers; proposed for a file
 * with foreign headers; found for a file whose headers are a profile's; and read as the
 * mapping an import applies before its usual checks.
 */
@Service
public class ImportProfileService {

	private static final int SAMPLES = 5;

	private final ImportProfileRepository repository;

	private final OrganisationService organisation;

	private final Clock clock = Clock.systemUTC();

	ImportProfileService(ImportProfileRepository repository, OrganisationService organisation) {
		this.repository = repository;
		this.organisation = organisation;
	}

	/** Every profile, by name. */
	@Transactional(readOnly = true)
	public List<ImportProfile> list() {
		return this.repository.findAll();
	}

	/**
	 * @throws NotFoundException no profile has this name, ignoring case
	 */
	@Transactional(readOnly = true)
	public ImportProfile get(String name) {
		return this.repository.find(name).orElseThrow(() -> new NotFoundException("Import profile", name));
	}

	/**
	 * @throws InvalidRequestException 422 naming each problem of the profile
	 * @throws ConflictException a profile has the name, ignoring case
	 */
	@Transactional
	public ImportProfile create(ImportProfile profile, String username) {
		ImportProfile checked = checked(profile);
		if (this.repository.exists(checked.name())) {
			throw taken(checked.name());
		}
		try {
			this.repository.insert(checked, username, this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw taken(checked.name());
		}
		return checked;
	}

	/**
	 * Replaces a profile; a body without a name keeps the profile's, one with another
	 * name renames it.
	 */
	@Transactional
	public ImportProfile update(String name, ImportProfile profile) {
		ImportProfile existing = get(name);
		ImportProfile checked = checked((profile.name() == null) ? profile.named(existing.name()) : profile);
		if (!ColumnMapping.key(checked.name()).equals(ColumnMapping.key(existing.name()))
				&& this.repository.exists(checked.name())) {
			throw taken(checked.name());
		}
		try {
			this.repository.update(existing.name(), checked, this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw taken(checked.name());
		}
		return checked;
	}

	@Transactional
	public void delete(String name) {
		if (!this.repository.delete(name)) {
			throw new NotFoundException("Import profile", name);
		}
	}

	/**
	 * Reads an upload's header and first records, no further than the size limit, and
	 * proposes how to read its columns.
	 * @throws io.clientdesk.importing.file.FileRejectedException a file that is not CSV,
	 * too large or unreadable
	 */
	public MappingProposal propose(String fileName, InputStream content, ImportLimits limits) {
		return propose(preview(fileName, content, limits));
	}

	/**
	 * The header and first records of an upload, read no further than the size limit.
	 */
	public FilePreview preview(String fileName, InputStream content, ImportLimits limits) {
		byte[] bytes = ClientCsvParser.readAtMost(content, limits);
		return new ClientCsvParser().preview((fileName != null) ? fileName : "", bytes, limits);
	}

	/**
	 * A proposal that keeps the columns a person chose already (header to field, or to
	 * null to ignore), with the values of the fields as they are mapped now.
	 */
	@Transactional(readOnly = true)
	public MappingProposal propose(FilePreview file, Map<String, String> chosenColumns) {
		ImportProfile proposed = guess().propose(file, chosenColumns);
		return new MappingProposal(known(file.headers()), null, proposed.columns(), proposed.values(),
				proposed.dateFormat(), samples(file));
	}

	/**
	 * How the file's columns could be read: known to the importer as they are, mapped by
	 * a saved profile, or a proposal.
	 */
	@Transactional(readOnly = true)
	public MappingProposal propose(FilePreview file) {
		Map<String, List<String>> samples = samples(file);
		Optional<ImportProfile> saved = matching(file.headers());
		if (saved.isPresent()) {
			ImportProfile profile = saved.get();
			return new MappingProposal(false, profile.name(), profile.columns(), profile.values(), profile.dateFormat(),
					samples);
		}
		ImportProfile proposed = guess().propose(file);
		return new MappingProposal(known(file.headers()), null, proposed.columns(), proposed.values(),
				proposed.dateFormat(), samples);
	}

	/**
	 * The saved profile whose headers are exactly the file's (trimmed, ignoring case and
	 * order), if any.
	 */
	@Transactional(readOnly = true)
	public Optional<ImportProfile> matching(List<String> headers) {
		Set<String> keys = headers.stream().map(ColumnMapping::key).collect(Collectors.toSet());
		if (keys.size() != headers.size()) {
			return Optional.empty();
		}
		return this.repository.findAll()
			.stream()
			.filter((profile) -> profile.columns()
				.keySet()
				.stream()
				.map(ColumnMapping::key)
				.collect(Collectors.toSet())
				.equals(keys))
			.findFirst();
	}

	/**
	 * The profile named in an upload ({@code ?profile=}).
	 * @throws InvalidRequestException 422 naming {@code profile} when there is none
	 */
	@Transactional(readOnly = true)
	public ImportProfile forUpload(String name) {
		return this.repository.find(name)
			.orElseThrow(() -> new InvalidRequestException("No import profile is named '" + name + "'",
					List.of(Problem.of("profile", "no import profile is named '" + name
							+ "'; the profiles are listed at /api/import-profiles"))));
	}

	/** The profile as the import reads it now: desks and projects by their IDs. */
	@Transactional(readOnly = true)
	public ColumnMapping mapping(ImportProfile profile) {
		return rules().mapping(profile);
	}

	/** The profile as an import keeps it (its definition in JSON). */
	public static String snapshot(ImportProfile profile) {
		return ProfileJson.definition(profile);
	}

	/** A profile kept by an import. */
	public static ImportProfile fromSnapshot(String name, String snapshot) {
		return ProfileJson.read(name, snapshot);
	}

	/** Whether the importer reads every header as it is, without a profile. */
	public static boolean known(List<String> headers) {
		return !headers.isEmpty() && headers.stream().allMatch((h) -> ClientColumn.fromHeader(h).isPresent());
	}

	private ImportProfile checked(ImportProfile profile) {
		ProfileRules.Checked checked = rules().check(profile);
		if (!checked.problems().isEmpty()) {
			List<Problem> problems = new ArrayList<>(checked.problems());
			throw new InvalidRequestException(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid import profile",
					"The import profile cannot be saved: " + problems.get(0).message()
							+ ((problems.size() > 1) ? " (and " + (problems.size() - 1) + " more problems)" : ""),
					problems);
		}
		return checked.profile();
	}

	private static Map<String, List<String>> samples(FilePreview file) {
		Map<String, List<String>> samples = new LinkedHashMap<>();
		for (int i = 0; i < file.headers().size(); i++) {
			samples.put(file.headers().get(i), file.values(i).stream().distinct().limit(SAMPLES).toList());
		}
		return samples;
	}

	private HeaderGuess guess() {
		return new HeaderGuess(KnownValues.of(this.organisation));
	}

	private ProfileRules rules() {
		return new ProfileRules(KnownValues.of(this.organisation));
	}

	private static ConflictException taken(String name) {
		return new ConflictException("An import profile is named '" + name + "' already (names are compared "
				+ "ignoring case); choose another name or edit that profile");
	}

}
