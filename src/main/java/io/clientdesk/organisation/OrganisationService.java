package io.clientdesk.organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.clientdesk.audit.AuditAction;
import io.clientdesk.audit.AuditLog;
import io.clientdesk.organisation.OrganisationRepository.Named;
import io.clientdesk.organisation.OrganisationRepository.Unit;
import io.clientdesk.shared.ConflictException;
import io.clientdesk.shared.InvalidRequestException;
import io.clientdesk.shared.NotFoundException;
import io.clientdesk.shared.ObjectIds;
import io.clientdesk.shared.Problem;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects, desks, client types and the import defaults: the organisation that clients
 * belong to.
 */
@Service
public class OrganisationService {

	/** As long as the clients' {@code type} column allows. */
	static final int MAX_TYPE_LENGTH = 50;

	/** How many client types there may be: a select box, not a catalogue. */
	static final int MAX_TYPES = 50;

	private final OrganisationRepository repository;

	private final OrganisationProperties properties;

	private final AuditLog audit;

	OrganisationService(OrganisationRepository repository, OrganisationProperties properties, AuditLog audit) {
		this.repository = repository;
		this.properties = properties;
		this.audit = audit;
	}

	/** Every project, the archived ones included (flagged), by name. */
	@Transactional(readOnly = true)
	public List<Project> projects() {
		return this.repository.findAll(Unit.PROJECTS).stream().map(OrganisationService::project).toList();
	}

	@Transactional(readOnly = true)
	public Optional<Project> project(String id) {
		return this.repository.findById(Unit.PROJECTS, id).map(OrganisationService::project);
	}

	@Transactional
	public Project createProject(String name) {
		return project(create(Unit.PROJECTS, name, AuditAction.PROJECT_CREATED));
	}

	/**
	 * Renames a project, archives it or takes it out of the archive.
	 * @throws NotFoundException no project has this ID
	 * @throws ConflictException the name is taken ignoring case, or the project is the
	 * import defaults' one and would be archived
	 * @throws InvalidRequestException the change is empty or the name blank
	 */
	@Transactional
	public Project changeProject(String id, UnitChange change) {
		return project(change(Unit.PROJECTS, id, change, AuditAction.PROJECT_CHANGED));
	}

	/** Every desk, the archived ones included (flagged), by name. */
	@Transactional(readOnly = true)
	public List<Desk> desks() {
		return this.repository.findAll(Unit.DESKS).stream().map(OrganisationService::desk).toList();
	}

	@Transactional(readOnly = true)
	public Optional<Desk> desk(String id) {
		return this.repository.findById(Unit.DESKS, id).map(OrganisationService::desk);
	}

	@Transactional
	public Desk createDesk(String name) {
		return desk(create(Unit.DESKS, name, AuditAction.DESK_CREATED));
	}

	/**
	 * Renames a desk, archives it or takes it out of the archive; as
	 * {@link #changeProject}.
	 */
	@Transactional
	public Desk changeDesk(String id, UnitChange change) {
		return desk(change(Unit.DESKS, id, change, AuditAction.DESK_CHANGED));
	}

	/**
	 * The client types, in their canonical spelling and their order.
	 */
	@Transactional(readOnly = true)
	public List<String> clientTypes() {
		return this.repository.findClientTypes();
	}

	/**
	 * Replaces the client types. Clients keep the type they have, even one no longer in
	 * the list; only new values are checked against it.
	 * @throws InvalidRequestException the list is empty, too long, or has a blank, too
	 * long, repeated (ignoring case) or control-character name; each problem names
	 * {@code types}
	 * @throws ConflictException the import defaults' type would be removed
	 */
	@Transactional
	public List<String> replaceClientTypes(List<String> types) {
		List<String> canonical = checkedClientTypes(types);
		ImportDefaults defaults = lockedImportDefaults();
		Optional<String> defaultType = canonical.stream()
			.filter((type) -> type.equalsIgnoreCase(defaults.type()))
			.findFirst();
		if (defaultType.isEmpty()) {
			throw new ConflictException("The import defaults give new clients the type '" + defaults.type()
					+ "': change the import defaults before removing it");
		}
		List<String> before = this.repository.findClientTypes();
		if (before.equals(canonical)) {
			return canonical;
		}
		try {
			this.repository.replaceClientTypes(canonical);
		}
		catch (DuplicateKeyException ex) {
			// the database's lower() saw two names as one that Java's did not
			throw new InvalidRequestException("The client types are not valid",
					List.of(Problem.of("types", "two of the types are the same ignoring case")));
		}
		if (!defaultType.get().equals(defaults.type())) {
			// the same type, spelt anew: the defaults follow
			this.repository.updateImportDefaults(
					new ImportDefaults(defaults.project(), defaults.desk(), defaults.active(), defaultType.get()));
		}
		this.audit.record(AuditAction.SETTINGS_CHANGED, "client-types",
				Map.of("types", String.join(", ", canonical), "previous", String.join(", ", before)));
		return canonical;
	}

	/**
	 * The canonical spelling of a client type given in any case, if it is one.
	 */
	@Transactional(readOnly = true)
	public Optional<String> clientType(String anyCase) {
		return clientType(this.repository.findClientTypes(), anyCase);
	}

	@Transactional(readOnly = true)
	public ImportDefaults importDefaults() {
		return this.repository.findImportDefaults()
			.orElseThrow(() -> new IllegalStateException("The import defaults have not been set up"));
	}

	/**
	 * @throws InvalidRequestException a project or desk that does not exist or is
	 * archived, a type that is not one of the client types; each problem naming its field
	 */
	@Transactional
	public ImportDefaults updateImportDefaults(ImportDefaults defaults) {
		lockedImportDefaults();
		List<Problem> problems = new ArrayList<>();
		usable(Unit.PROJECTS, "project", defaults.project()).ifPresent(problems::add);
		usable(Unit.DESKS, "desk", defaults.desk()).ifPresent(problems::add);
		List<String> types = this.repository.findClientTypes();
		Optional<String> type = clientType(types, defaults.type());
		if (type.isEmpty()) {
			problems.add(Problem.of("type", "must be one of " + String.join(", ", types)));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException("The import defaults are not valid", problems);
		}
		ImportDefaults canonical = new ImportDefaults(defaults.project(), defaults.desk(), defaults.active(),
				type.get());
		this.repository.updateImportDefaults(canonical);
		this.audit.record(AuditAction.SETTINGS_CHANGED, "import-defaults", Map.of("project", canonical.project(),
				"desk", canonical.desk(), "active", canonical.active(), "type", canonical.type()));
		return canonical;
	}

	/**
	 * Creates the default project and desk and the import defaults that point to them,
	 * unless they exist. Runs at every start; only the first does anything.
	 */
	@Transactional
	public void setUpDefaults() {
		if (this.repository.findImportDefaults().isPresent()) {
			return;
		}
		Project project = createProject(this.properties.defaultProjectName());
		Desk desk = createDesk(this.properties.defaultDeskName());
		List<String> types = this.repository.findClientTypes();
		String type = types.isEmpty() ? seedTypes().get(0) : types.get(0);
		this.repository.insertImportDefaults(new ImportDefaults(project.id(), desk.id(), true, type));
	}

	/**
	 * Stores the client types of the setting {@code clientdesk.organisation.client-types}
	 * unless there are some: the first start of a new installation, or of one that had
	 * them as a setting only. Afterwards the setting is not read.
	 */
	@Transactional
	public void setUpClientTypes() {
		if (this.repository.findClientTypes().isEmpty()) {
			this.repository.replaceClientTypes(seedTypes());
		}
	}

	/**
	 * Names that collide ignoring case, kept from before that was refused; for the log.
	 */
	@Transactional(readOnly = true)
	public List<String> namesCollidingIgnoringCase() {
		List<String> names = new ArrayList<>();
		this.repository.namesCollidingIgnoringCase(Unit.PROJECTS).forEach((name) -> names.add("project " + name));
		this.repository.namesCollidingIgnoringCase(Unit.DESKS).forEach((name) -> names.add("desk " + name));
		return names;
	}

	/** The setting's types, trimmed, without blanks and repeats (ignoring case). */
	private List<String> seedTypes() {
		Map<String, String> byKey = new LinkedHashMap<>();
		for (String type : this.properties.clientTypes()) {
			if (type != null && !type.isBlank()) {
				byKey.putIfAbsent(type.trim().toLowerCase(Locale.ROOT), type.trim());
			}
		}
		return byKey.isEmpty() ? OrganisationProperties.defaultClientTypes() : List.copyOf(byKey.values());
	}

	private ImportDefaults lockedImportDefaults() {
		return this.repository.lockImportDefaults()
			.orElseThrow(() -> new IllegalStateException("The import defaults have not been set up"));
	}

	private static Optional<String> clientType(List<String> types, String anyCase) {
		return types.stream().filter((type) -> type.equalsIgnoreCase(anyCase.trim())).findFirst();
	}

	private static List<String> checkedClientTypes(List<String> types) {
		List<Problem> problems = new ArrayList<>();
		List<String> canonical = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		if (types == null || types.isEmpty()) {
			problems.add(Problem.of("types", "must name at least one client type"));
		}
		else if (types.size() > MAX_TYPES) {
			problems.add(Problem.of("types", "must name at most " + MAX_TYPES + " client types"));
		}
		else {
			for (int i = 0; i < types.size(); i++) {
				String type = (types.get(i) != null) ? types.get(i).trim() : "";
				String which = "type " + (i + 1);
				if (type.isEmpty()) {
					problems.add(Problem.of("types", which + " is empty"));
				}
				else if (type.length() > MAX_TYPE_LENGTH) {
					problems.add(Problem.of("types", which + " is longer than " + MAX_TYPE_LENGTH + " characters"));
				}
				else if (type.codePoints().anyMatch(Character::isISOControl)) {
					problems.add(Problem.of("types",
							which + " contains control characters (NUL, tab, line breaks…), which are not allowed"));
				}
				else if (!keys.add(type.toLowerCase(Locale.ROOT))) {
					problems.add(Problem.of("types", "'" + type + "' is given twice (ignoring case)"));
				}
				else {
					canonical.add(type);
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException("The client types are not valid", problems);
		}
		return canonical;
	}

	/** Why this project or desk cannot be the import defaults', if it cannot. */
	private Optional<Problem> usable(Unit unit, String field, String id) {
		Optional<Named> named = this.repository.findById(unit, id);
		if (named.isEmpty()) {
			return Optional.of(Problem.of(field, "no " + unit.singular() + " has the ID " + id));
		}
		if (named.get().archived()) {
			return Optional.of(Problem.of(field, describe(unit, named.get()) + " is archived"));
		}
		return Optional.empty();
	}

	private Named create(Unit unit, String name, AuditAction action) {
		String trimmed = name.trim();
		refuseTaken(unit, trimmed, null);
		String id = ObjectIds.next();
		try {
			this.repository.insert(unit, id, trimmed, Instant.now());
		}
		catch (DuplicateKeyException ex) {
			throw taken(unit, trimmed, Optional.empty());
		}
		this.audit.record(action, id, Map.of("name", trimmed));
		return new Named(id, trimmed, false);
	}

	private Named change(Unit unit, String id, UnitChange change, AuditAction action) {
		if (change.name() == null && change.archived() == null) {
			throw new InvalidRequestException("Nothing to change",
					List.of(Problem.of("name", "give a new name, archived (true or false), or both")));
		}
		if (change.name() != null && change.name().isBlank()) {
			throw new InvalidRequestException("The name is not valid",
					List.of(Problem.of("name", "must not be blank")));
		}
		// taken first, in the same order as the import defaults' changes: no deadlock
		ImportDefaults defaults = lockedImportDefaults();
		Named before = this.repository.findById(unit, id)
			.orElseThrow(() -> new NotFoundException(capitalised(unit), id));
		Map<String, Object> details = new LinkedHashMap<>();
		String name = before.name();
		if (change.name() != null && !change.name().trim().equals(before.name())) {
			name = change.name().trim();
			refuseTaken(unit, name, id);
			try {
				this.repository.rename(unit, id, name);
			}
			catch (DuplicateKeyException ex) {
				throw taken(unit, name, Optional.empty());
			}
			details.put("name", name);
			details.put("previousName", before.name());
		}
		boolean archived = before.archived();
		if (change.archived() != null && change.archived() != before.archived()) {
			String defaultId = (unit == Unit.PROJECTS) ? defaults.project() : defaults.desk();
			if (change.archived() && defaultId.equals(id)) {
				throw new ConflictException(
						capitalised(unit) + " '" + before.name() + "' (id " + id + ") is the import defaults' "
								+ unit.singular() + ": change the import defaults before archiving it");
			}
			archived = change.archived();
			this.repository.setArchived(unit, id, archived ? Instant.now() : null);
			details.put("archived", archived);
		}
		if (!details.isEmpty()) {
			this.audit.record(action, id, details);
		}
		return new Named(id, name, archived);
	}

	private void refuseTaken(Unit unit, String name, String exceptId) {
		Optional<Named> other = this.repository.findByNameIgnoringCase(unit, name, exceptId);
		if (other.isPresent()) {
			throw taken(unit, name, other);
		}
	}

	/**
	 * The conflict of a name taken by {@code other}, or by one that a concurrent
	 * transaction stored (the unique key said so; the transaction can read no more).
	 */
	private static ConflictException taken(Unit unit, String name, Optional<Named> other) {
		String archived = other.filter(Named::archived).map((named) -> " (archived)").orElse("");
		String spelt = other.filter((named) -> !named.name().equals(name))
			.map((named) -> " as '" + named.name() + "'")
			.orElse("");
		return new ConflictException("A " + unit.singular() + " named '" + name + "' already exists" + spelt + archived
				+ "; names must differ ignoring case");
	}

	private static String describe(Unit unit, Named named) {
		return unit.singular() + " '" + named.name() + "' (id " + named.id() + ")";
	}

	private static String capitalised(Unit unit) {
		return Character.toUpperCase(unit.singular().charAt(0)) + unit.singular().substring(1);
	}

	private static Project project(Named named) {
		return new Project(named.id(), named.name(), named.archived());
	}

	private static Desk desk(Named named) {
		return new Desk(named.id(), named.name(), named.archived());
	}

}
