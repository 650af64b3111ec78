package io.clientdesk.organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import io.clientdesk.audit.AuditAction;
import io.clientdesk.audit.AuditLog;
import io.clientdesk.organisation.OrganisationRepository.Unit;
import io.clientdesk.shared.ConflictException;
import io.clientdesk.shared.InvalidRequestException;
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

	private final OrganisationRepository repository;

	private final OrganisationProperties properties;

	private final AuditLog audit;

	OrganisationService(OrganisationRepository repository, OrganisationProperties properties, AuditLog audit) {
		this.repository = repository;
		this.properties = properties;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<Project> projects() {
		return all(Unit.PROJECTS, Project::new);
	}

	@Transactional(readOnly = true)
	public Optional<Project> project(String id) {
		return this.repository.findById(Unit.PROJECTS, id).map((unit) -> new Project(unit.id(), unit.name()));
	}

	@Transactional
	public Project createProject(String name) {
		return create(Unit.PROJECTS, "project", name, AuditAction.PROJECT_CREATED, Project::new);
	}

	@Transactional(readOnly = true)
	public List<Desk> desks() {
		return all(Unit.DESKS, Desk::new);
	}

	@Transactional(readOnly = true)
	public Optional<Desk> desk(String id) {
		return this.repository.findById(Unit.DESKS, id).map((unit) -> new Desk(unit.id(), unit.name()));
	}

	@Transactional
	public Desk createDesk(String name) {
		return create(Unit.DESKS, "desk", name, AuditAction.DESK_CREATED, Desk::new);
	}

	/**
	 * The client types, in their canonical spelling.
	 */
	public List<String> clientTypes() {
		return this.properties.clientTypes();
	}

	/**
	 * The canonical spelling of a client type given in any case, if it is one.
	 */
	public Optional<String> clientType(String anyCase) {
		return this.properties.clientTypes()
			.stream()
			.filter((type) -> type.equalsIgnoreCase(anyCase.trim()))
			.findFirst();
	}

	@Transactional(readOnly = true)
	public ImportDefaults importDefaults() {
		return this.repository.findImportDefaults()
			.orElseThrow(() -> new IllegalStateException("The import defaults have not been set up"));
	}

	@Transactional
	public ImportDefaults updateImportDefaults(ImportDefaults defaults) {
		List<Problem> problems = new ArrayList<>();
		if (this.repository.findById(Unit.PROJECTS, defaults.project()).isEmpty()) {
			problems.add(Problem.of("project", "no project has the ID " + defaults.project()));
		}
		if (this.repository.findById(Unit.DESKS, defaults.desk()).isEmpty()) {
			problems.add(Problem.of("desk", "no desk has the ID " + defaults.desk()));
		}
		Optional<String> type = clientType(defaults.type());
		if (type.isEmpty()) {
			problems.add(Problem.of("type", "must be one of " + String.join(", ", clientTypes())));
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
		this.repository.insertImportDefaults(
				new ImportDefaults(project.id(), desk.id(), true, this.properties.clientTypes().get(0)));
	}

	private <T> List<T> all(Unit unit, BiFunction<String, String, T> factory) {
		return this.repository.findAll(unit).stream().map((named) -> factory.apply(named.id(), named.name())).toList();
	}

	private <T> T create(Unit unit, String what, String name, AuditAction action,
			BiFunction<String, String, T> factory) {
		String trimmed = name.trim();
		if (this.repository.nameExists(unit, trimmed)) {
			throw new ConflictException("A " + what + " named '" + trimmed + "' already exists");
		}
		String id = ObjectIds.next();
		try {
			this.repository.insert(unit, id, trimmed, Instant.now());
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("A " + what + " named '" + trimmed + "' already exists");
		}
		this.audit.record(action, id, Map.of("name", trimmed));
		return factory.apply(id, trimmed);
	}

}
