import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ClientDesk's benchmark, run by bench/run: drives the product through its HTTP API as a partner's
 * script would (upload, then poll the import until it ends) and prints median / min / max over
 * several runs, next to the database's own floor for the same rows ({@code \copy} into a table with
 * the same keys). A single source file run with {@code java bench/Bench.java}: nothing to build.
 */
public class Bench {

	static final String ADMIN_PASSWORD = "bench-admin-password";

	static final String[] FIRST = { "Anna", "José", "Zoë", "Liam", "Noah", "Mia", "Karl", "Sofia", "Ivan", "Chloé",
			"Lucas", "Emma", "Omar", "Lea", "Jan", "Eva" };

	static final String[] LAST = { "Müller", "García", "Smith", "Nowak", "Rossi", "Dubois", "Jensen", "Silva",
			"Novak", "Costa", "Ivanova", "Schmidt", "Moreau", "Kowalski", "Fischer", "Martin" };

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final Map<String, List<Double>> results = new LinkedHashMap<>();

	final Map<String, String> notes = new LinkedHashMap<>();

	final Path work;

	final boolean quick;

	final int runs;

	/** The PostgreSQL database it creates: {@code --database NAME}, clientdesk_bench by default. */
	final String pgDatabase;

	/** The server's jar: {@code --jar PATH}, for a before/after of two builds. */
	final String jar;

	String base;

	Process server;

	/** The server's port: {@code --port N} on a shared machine, any free one by default. */
	int port;

	/** JVM options of the next server started, besides its heap. */
	List<String> serverOptions = List.of();

	List<String> projects = new ArrayList<>();

	List<String> desks = new ArrayList<>();

	Bench(boolean quick, int runs, String jar, String pgDatabase) throws IOException {
		this.quick = quick;
		this.pgDatabase = pgDatabase;
		this.runs = runs;
		this.jar = jar;
		this.work = Files.createTempDirectory("clientdesk-bench");
	}

	public static void main(String[] args) throws Exception {
		boolean quick = List.of(args).contains("--quick");
		// --scale: only the scenario of two servers on one database (the full run includes it)
		boolean scaleOnly = List.of(args).contains("--scale");
		boolean million = List.of(args).contains("--million");
		int runs = quick ? 1 : 3;
		String jar = "target/clientdesk.jar";
		String database = "clientdesk_bench";
		int port = 0;
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals("--runs")) {
				runs = Integer.parseInt(args[i + 1]);
			}
			if (args[i].equals("--jar")) {
				jar = args[i + 1];
			}
			if (args[i].equals("--database")) {
				database = args[i + 1];
			}
			if (args[i].equals("--port")) {
				port = Integer.parseInt(args[i + 1]);
			}
		}
		Bench bench = new Bench(quick, runs, jar, database);
		bench.port = port;
		String loadBefore = loadAverage();
		try {
			if (million) {
				bench.million();
			}
			else if (!scaleOnly) {
				bench.postgres();
				bench.h2();
				bench.validate();
			}
			if (!million && (scaleOnly || !quick)) {
				bench.twoServers();
			}
		}
		finally {
			bench.stopServer();
		}
		// other work on the machine shows in every figure: said next to them
		bench.notes.put("load average (1, 5, 15 min) at the start / at the end", loadBefore + " / " + loadAverage());
		bench.print();
	}

	// ---------------------------------------------------------------- scenarios

	void postgres() throws Exception {
		emptyDatabase(this.pgDatabase);
		double start = startServer(List.of("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + this.pgDatabase,
				"--spring.datasource.username=postgres"));
		record("server start to healthy, PostgreSQL (ms)", start);
		setUpOrganisation();
		warmUp("PostgreSQL");
		psql(this.pgDatabase, "create table bench_floor (id char(24) primary key, first_name varchar(100), "
				+ "last_name varchar(100), email varchar(254) not null unique, project_id char(24), desk_id char(24), "
				+ "active boolean, type varchar(50), created timestamp with time zone)");

		importScenarios("");

		int big = this.quick ? 20_000 : 1_000_000;
		int files = big / 5000;
		long loadStart = System.nanoTime();
		for (int i = 0; i < files; i++) {
			awaitImport(upload("load-" + i + ".csv", newClients("load" + i, 5000)));
		}
		double loadMs = (System.nanoTime() - loadStart) / 1e6;
		record(String.format(Locale.ROOT, "%,d clients in %d uploads back to back (s)", big, files), loadMs / 1000);
		this.notes.put("load rate, 1 uploader", String.format(Locale.ROOT, "%,.0f rows/s", big / (loadMs / 1000)));

		int parallelFiles = this.quick ? 4 : 100;
		double parallelMs = fourUploaders(parallelFiles);
		record(String.format(Locale.ROOT, "%,d more clients, 4 uploaders at once (s)", parallelFiles * 5000),
				parallelMs / 1000);
		this.notes.put("load rate, 4 uploaders",
				String.format(Locale.ROOT, "%,.0f rows/s", parallelFiles * 5000 / (parallelMs / 1000)));
		psql(this.pgDatabase, "vacuum analyze clients, client_search");

		long stored = total("/api/clients?size=1");
		this.notes.put("clients stored for the next scenarios (the list's total: an estimate)",
				String.format(Locale.ROOT, "%,d", stored));
		importScenarios(" at " + (this.quick ? "20k+" : "1M+") + " stored");
		reads(stored);
		export(stored);
		stopServer();
	}

	/**
	 * The first imports after a start run on a cold JVM (classes loading, code not yet compiled):
	 * measured apart, so that the scenarios measure the server as it runs most of the day.
	 */
	void warmUp(String database) {
		record("first 5 000 create after start, cold JVM, " + database + " (ms)",
				timedImport("warm-up.csv", newClients("warm" + database, 5000)));
		for (int i = 0; i < 3; i++) {
			timedImport("warm-up.csv", changedClients("warm" + database, 0, 5000, "Warm" + i));
		}
	}

	void importScenarios(String suffix) throws Exception {
		for (int run = 0; run < this.runs; run++) {
			String prefix = "r" + run + UUID.randomUUID().toString().substring(0, 6);
			byte[] created = newClients(prefix, 5000);
			Path floorFile = this.work.resolve("floor.csv");
			Files.write(floorFile, floorRows(created));
			record("\\copy 5 000 rows: the floor" + suffix + " (ms)", copyFloor(floorFile));
			record("\\copy the same rows into clients itself, rolled back" + suffix + " (ms)",
					copyIntoClients(floorFile));

			long answer = System.nanoTime();
			String id = upload("create.csv", created);
			record("upload answer (202), 5 000 rows" + suffix + " (ms)", (System.nanoTime() - answer) / 1e6);
			record("5 000 create" + suffix + " (ms)", awaitImport(id, answer));
			record("5 000 create, upload → searchable" + suffix + " (ms)", awaitSearchable(email(prefix, 4999), answer));

			// each row's last name its own, so that q finds the last row by its new name
			String updatedName = "Updated-" + prefix;
			byte[] updated = changedClients(prefix, 0, 5000, updatedName);
			String lastUpdated = updatedName + " " + LAST[4999 % LAST.length] + " 4999";
			searchableImport("5 000 update", suffix, "update.csv", updated, lastUpdated);
			Map<String, Long> counts = new LinkedHashMap<>();
			long start = System.nanoTime();
			String unchangedId = upload("unchanged.csv", updated);
			record("5 000 unchanged" + suffix + " (ms)", awaitImport(unchangedId, start));
			record("5 000 unchanged, upload → searchable" + suffix + " (ms)", awaitSearchable(lastUpdated, start));
			String view = get("/api/imports/" + unchangedId);
			counts.put("updated", number(view, "updated"));
			counts.put("unchanged", number(view, "unchanged"));
			if (counts.get("updated") != 0 || counts.get("unchanged") != 5000) {
				throw new IllegalStateException("the unchanged file wrote rows: " + view);
			}

			byte[] mixed = mixed(prefix, "m" + prefix);
			String mixedId = searchableImport("5 000 mixed: 2 500 new + 2 500 updates", suffix, "mixed.csv", mixed,
					email("m" + prefix, 2499));
			// the undo of that import: deletes its 2 500 new clients, puts back the 2 500
			// values it replaced (issue 13: no longer than the import)
			long undoStart = System.nanoTime();
			String undoId = field(send(request("/api/imports/" + mixedId + "/undo")
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), 202), "id");
			record("undo of the 5 000 mixed" + suffix + " (ms)", awaitImport(undoId, undoStart));
		}
	}

	/**
	 * Uploads the file and records two figures from the upload: until the import reads
	 * {@code SUCCEEDED}, and until {@code q} finds the file's last row (by {@code last}, a
	 * value only that row has). Returns the import's ID.
	 */
	String searchableImport(String name, String suffix, String fileName, byte[] content, String last) {
		long start = System.nanoTime();
		String id = upload(fileName, content);
		record(name + suffix + " (ms)", awaitImport(id, start));
		record(name + ", upload → searchable" + suffix + " (ms)", awaitSearchable(last, start));
		return id;
	}

	void reads(long stored) throws Exception {
		int repeats = this.quick ? 5 : 20;
		String someId = firstId("/api/clients?size=1");
		long deepPage = Math.max(1, stored / 50 / 2);
		Map<String, String> queries = new LinkedHashMap<>();
		queries.put("list, first page", "/api/clients?size=50");
		queries.put("list, page " + deepPage + " (deep)", "/api/clients?size=50&page=" + deepPage);
		queries.put("q substring search ('ller.12')", "/api/clients?size=50&q=ller.12");
		queries.put("q substring search ('nowak')", "/api/clients?size=50&q=nowak");
		queries.put("project filter", "/api/clients?size=50&project=" + this.projects.get(1));
		queries.put("desk filter", "/api/clients?size=50&desk=" + this.desks.get(2));
		queries.put("project + desk + active filters",
				"/api/clients?size=50&project=" + this.projects.get(1) + "&desk=" + this.desks.get(2) + "&active=true");
		queries.put("get by ID", "/api/clients/" + someId);
		// the page after page deepPage - 1, read through the cursor of that page, as a
		// client paging with "next" reads every page
		String cursor = field(get("/api/clients?size=50&page=" + (deepPage - 1)), "next");
		queries.put("list, page " + deepPage + " (deep) by cursor (after=)", "/api/clients?size=50&after=" + cursor);
		for (var query : queries.entrySet()) {
			get(query.getValue()); // warm up
			for (int i = 0; i < repeats; i++) {
				long start = System.nanoTime();
				String body = get(query.getValue());
				record(query.getKey() + " (ms)", (System.nanoTime() - start) / 1e6);
				if (body.isEmpty()) {
					throw new IllegalStateException("empty answer for " + query.getValue());
				}
			}
		}
	}

	void export(long stored) throws Exception {
		long heapBefore = heapUsed();
		AtomicLong maxHeap = new AtomicLong(heapBefore);
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				try {
					maxHeap.accumulateAndGet(heapUsed(), Math::max);
					Thread.sleep(200);
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (RuntimeException ex) {
					// a sample lost while the server is busy
				}
			}
		});
		sampler.start();
		long start = System.nanoTime();
		HttpResponse<InputStream> response = this.http.send(request("/api/clients/export.csv").build(),
				BodyHandlers.ofInputStream());
		long lines = 0;
		try (InputStream in = response.body()) {
			byte[] buffer = new byte[1 << 16];
			for (int n; (n = in.read(buffer)) > 0;) {
				for (int i = 0; i < n; i++) {
					if (buffer[i] == '\n') {
						lines++;
					}
				}
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		sampler.interrupt();
		sampler.join();
		record(String.format(Locale.ROOT, "export.csv of all %,d clients (s)", stored), seconds);
		this.notes.put("export rows written", String.format(Locale.ROOT, "%,d (+1 header)", lines - 1));
		this.notes.put("server heap used before / max during export (-Xmx256m)",
				String.format(Locale.ROOT, "%d MiB / %d MiB", heapBefore >> 20, maxHeap.get() >> 20));
	}

	void h2() throws Exception {
		Path data = this.work.resolve("h2");
		double start = startServer(List.of("--spring.datasource.url=jdbc:h2:file:" + data.resolve("clientdesk")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=10000"));
		record("server start to healthy, H2 (ms)", start);
		setUpOrganisation();
		warmUp("H2");
		for (int run = 0; run < this.runs; run++) {
			String prefix = "h2r" + run;
			searchableImport("H2: 5 000 create", "", "h2.csv", newClients(prefix, 5000), email(prefix, 4999));
		}
		stopServer();
	}

	void validate() throws Exception {
		Path file = this.work.resolve("validate.csv");
		Files.write(file, newClients("validate", 5000));
		for (int run = 0; run < Math.max(3, this.runs); run++) {
			long start = System.nanoTime();
			Process process = new ProcessBuilder(javaCommand(), "-jar", this.jar, "validate",
					file.toString())
				.redirectErrorStream(true)
				.redirectOutput(this.work.resolve("validate.log").toFile())
				.start();
			int exit = process.waitFor();
			record("validate CLI, 5 000 rows, JVM start included (ms)", (System.nanoTime() - start) / 1e6);
			if (exit != 0) {
				throw new IllegalStateException("validate found problems in a clean file: "
						+ Files.readString(this.work.resolve("validate.log")));
			}
		}
	}

	double fourUploaders(int files) throws Exception {
		return fourUploaders(files, List.of(this.base), "par");
	}

	/**
	 * Four uploaders at once, each uploading its share of {@code files} one after the other (the
	 * next once the previous has ended); uploader {@code u} sends to server {@code u} modulo the
	 * servers, and follows its imports there. Milliseconds until the last has ended.
	 */
	double fourUploaders(int files, List<String> servers, String prefix) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		long start = System.nanoTime();
		List<Future<?>> futures = new ArrayList<>();
		for (int uploader = 0; uploader < 4; uploader++) {
			int first = uploader;
			String server = servers.get(uploader % servers.size());
			futures.add(pool.submit(() -> {
				for (int i = first; i < files; i += 4) {
					String id = upload(server, "parallel-" + i + ".csv", newClients(prefix + i, 5000));
					awaitImport(server, id, System.nanoTime());
				}
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		pool.shutdown();
		return (System.nanoTime() - start) / 1e6;
	}

	/**
	 * Two servers on one PostgreSQL database against one, with the same 4 uploaders (each one's
	 * imports one after the other, spread over both servers), taking turns: rows/s of each. The
	 * second server is started for its turn only: alive, it would take imports from the queue.
	 */
	void twoServers() throws Exception {
		String database = this.pgDatabase + "_scale";
		emptyDatabase(database);
		List<String> args = List.of("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database,
				"--spring.datasource.username=postgres");
		startServer(args);
		setUpOrganisation();
		warmUp(this.base, "warm1s");
		int files = this.quick ? 8 : 40;
		for (int run = 0; run < this.runs; run++) {
			for (boolean two : (run % 2 == 0) ? List.of(false, true) : List.of(true, false)) {
				List<String> servers = new ArrayList<>(List.of(this.base));
				Server second = null;
				if (two) {
					second = launch(args, "server-2.log", 0);
					servers.add(second.base());
					warmUp(second.base(), "warm2s" + run);
				}
				List<Long> serverPids = new ArrayList<>(List.of(this.server.pid()));
				if (second != null) {
					serverPids.add(second.process().pid());
				}
				Map<Long, Double> cpuBefore = cpu(serverPids, database);
				double ms;
				Map<Long, Double> cpuAfter;
				try {
					ms = fourUploaders(files, servers, "scale" + run + (two ? "two" : "one"));
					cpuAfter = cpu(serverPids, database);
				}
				finally {
					if (second != null) {
						second.process().destroy();
						second.process().waitFor();
					}
				}
				String setUp = two ? "two servers, one PostgreSQL" : "one server";
				record(String.format(Locale.ROOT, "%,d clients, 4 uploaders, %s (rows/s)", files * 5000, setUp),
						files * 5000 / (ms / 1000));
				double serverCpu = 0;
				double databaseCpu = 0;
				for (var entry : cpuAfter.entrySet()) {
					double used = entry.getValue() - cpuBefore.getOrDefault(entry.getKey(), 0.0);
					if (serverPids.contains(entry.getKey())) {
						serverCpu += used;
					}
					else {
						databaseCpu += used;
					}
				}
				record("CPU per 5 000-row import, " + setUp + ": the server(s) (ms)", serverCpu * 1000 / files);
				record("CPU per 5 000-row import, " + setUp + ": PostgreSQL's backends (ms)",
						databaseCpu * 1000 / files);
			}
		}
		psql(database, "vacuum analyze");
		String[] sizes = psql(database, "select count(*), pg_total_relation_size('clients'), "
				+ "pg_total_relation_size('client_search'), pg_indexes_size('clients') + pg_indexes_size('client_search'), "
				+ "pg_database_size(current_database()) from clients")
			.lines()
			.filter((line) -> line.matches(" *[0-9].*"))
			.findFirst()
			.orElseThrow()
			.trim()
			.split("\\s*\\|\\s*");
		long clients = Long.parseLong(sizes[0]);
		this.notes.put("two-server scenario: clients stored; bytes per client in clients + client_search "
				+ "(of which indexes); the whole database per client", String.format(Locale.ROOT, "%,d; %d (%d); %d",
						clients, (Long.parseLong(sizes[1]) + Long.parseLong(sizes[2])) / clients,
						Long.parseLong(sizes[3]) / clients, Long.parseLong(sizes[4]) / clients));
		stopServer();
		psql("postgres", "drop database if exists " + database + " with (force)");
	}

	/**
	 * CPU seconds used so far by each of {@code pids} and by each PostgreSQL backend connected to
	 * {@code database} (the servers' pools), from /proc/PID/stat: what an import costs each side.
	 */
	static Map<Long, Double> cpu(List<Long> pids, String database) throws Exception {
		List<Long> all = new ArrayList<>(pids);
		psql("postgres", "select pid from pg_stat_activity where datname = '" + database + "'").lines()
			.map(String::trim)
			.filter((line) -> line.matches("[0-9]+"))
			.forEach((pid) -> all.add(Long.parseLong(pid)));
		Map<Long, Double> seconds = new LinkedHashMap<>();
		for (long pid : all) {
			try {
				String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				seconds.put(pid, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0);
			}
			catch (IOException ex) {
				// a connection closed meanwhile
			}
		}
		return seconds;
	}

	/** Three imports, not measured: the first imports after a start run on a cold JVM. */
	void warmUp(String server, String prefix) {
		for (int i = 0; i < 3; i++) {
			awaitImport(server, upload(server, "warm-up.csv", newClients(prefix + "i" + i, 5000)), System.nanoTime());
		}
	}

	// ---------------------------------------------------------------- data

	void setUpOrganisation() {
		this.projects.clear();
		this.desks.clear();
		this.projects.add(field(get("/api/settings/import-defaults"), "project"));
		this.desks.add(field(get("/api/settings/import-defaults"), "desk"));
		for (String name : List.of("Atlas Markets", "Borealis FX", "Cobalt Invest")) {
			this.projects.add(field(post("/api/projects", "{\"name\":\"" + name + "\"}"), "id"));
		}
		for (String name : List.of("Retention", "Conversion", "VIP")) {
			this.desks.add(field(post("/api/desks", "{\"name\":\"" + name + "\"}"), "id"));
		}
	}

	static final String NEW_CLIENTS_HEADER = "firstName,lastName,email,project,desk,active,type,created\n";

	static final String CHANGED_CLIENTS_HEADER = "email,lastName,type,active\n";

	byte[] newClients(String prefix, int rows) {
		StringBuilder csv = new StringBuilder(NEW_CLIENTS_HEADER);
		for (int i = 0; i < rows; i++) {
			appendNewClient(csv, prefix, i);
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	void appendNewClient(StringBuilder csv, String prefix, int i) {
		String first = FIRST[i % FIRST.length];
		String last = LAST[(i / FIRST.length) % LAST.length];
		csv.append(first)
			.append(',')
			.append(last)
			.append(',')
			.append(email(prefix, i))
			.append(',')
			.append(this.projects.get(i % this.projects.size()))
			.append(',')
			.append(this.desks.get((i / this.projects.size()) % this.desks.size()))
			.append(',')
			.append(i % 10 != 0)
			.append(',')
			.append((i % 4 == 0) ? "Corporate" : "Personal")
			.append(',')
			.append(Instant.parse("2020-01-01T00:00:00Z").plusSeconds(i * 7919L % 150_000_000L))
			.append('\n');
	}

	/**
	 * Rows {@code from..to} of a created file again, every row with a changed last name (its
	 * own: it ends with the row's number) and type.
	 */
	byte[] changedClients(String prefix, int from, int to, String lastName) {
		StringBuilder csv = new StringBuilder(CHANGED_CLIENTS_HEADER);
		for (int i = from; i < to; i++) {
			appendChangedClient(csv, prefix, i, lastName);
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	static void appendChangedClient(StringBuilder csv, String prefix, int i, String lastName) {
		csv.append(email(prefix, i))
			.append(',')
			.append(lastName)
			.append(' ')
			.append(LAST[i % LAST.length])
			.append(' ')
			.append(i)
			.append(',')
			.append((i % 4 == 0) ? "Personal" : "Corporate")
			.append(',')
			.append(i % 10 == 0)
			.append('\n');
	}

	byte[] mixed(String existingPrefix, String newPrefix) {
		StringBuilder csv = new StringBuilder("firstName,lastName,email,type\n");
		for (int i = 0; i < 2500; i++) {
			csv.append("Mixed,Again ").append(i).append(',').append(email(existingPrefix, i)).append(",Corporate\n");
			csv.append("New,Client ").append(i).append(',').append(email(newPrefix, i)).append(",Personal\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	static String email(String prefix, int i) {
		return FIRST[i % FIRST.length].toLowerCase(Locale.ROOT).replace('é', 'e').replace('ë', 'e') + "."
				+ LAST[(i / FIRST.length) % LAST.length].toLowerCase(Locale.ROOT)
					.replace('ü', 'u')
					.replace('í', 'i')
				+ "." + prefix + "." + i + "@example.com";
	}

	/** The same rows in the clients table's column order, with IDs, for \copy. */
	List<String> floorRows(byte[] file) {
		List<String> lines = new ArrayList<>();
		String[] rows = new String(file, StandardCharsets.UTF_8).split("\n");
		for (int i = 1; i < rows.length; i++) {
			String[] cells = rows[i].split(",");
			lines.add(String.join(",", UUID.randomUUID().toString().replace("-", "").substring(0, 24), cells[0],
					cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7]));
		}
		return lines;
	}

	double copyFloor(Path file) throws Exception {
		psql(this.pgDatabase, "truncate bench_floor");
		return lastTiming(psql(this.pgDatabase, "\\timing on", "\\copy bench_floor from '" + file + "' csv"));
	}

	/**
	 * The same rows copied into the clients table itself (its indexes, checks and foreign
	 * keys), then rolled back: what the schema alone costs, without the application.
	 */
	double copyIntoClients(Path file) throws Exception {
		return lastTiming(psql(this.pgDatabase, "begin", "\\timing on",
				"\\copy clients (id, first_name, last_name, email, project_id, desk_id, active, type, created) from '"
						+ file + "' csv",
				"\\timing off", "rollback"));
	}

	static double lastTiming(String out) {
		Matcher time = Pattern.compile("Time: ([0-9.]+) ms").matcher(out);
		double ms = -1;
		while (time.find()) {
			ms = Double.parseDouble(time.group(1));
		}
		if (ms < 0) {
			throw new IllegalStateException("psql printed no timing: " + out);
		}
		return ms;
	}

	// ---------------------------------------------------------------- a million rows (--million)

	static final int MILLION = 1_000_000;

	/**
	 * The import's limits raised as far as they go, for files of a million rows; the
	 * benchmark's user keeps five files of up to 125 MiB (the default quota is 500 MiB).
	 */
	static final List<String> MILLION_LIMITS = List.of("--clientdesk.import.max-records=1000000",
			"--clientdesk.import.max-file-size=256MB", "--clientdesk.import.max-stored-bytes-per-user=1GB");

	/**
	 * Files of a million rows on a server with 256 MiB of heap (512 MiB on H2). On
	 * PostgreSQL: creates into an empty table, a dry run and a create with a million
	 * stored, an update of a million, and creates of clients dated by the import with two
	 * million stored and into an empty table. Then the create on H2. Each with the heap it
	 * took (from the server's GC log) and the latency of the clients list and the bell
	 * meanwhile.
	 */
	void million() throws Exception {
		emptyDatabase(this.pgDatabase);
		Path gcLog = this.work.resolve("gc-postgresql.log");
		this.serverOptions = List.of("-Xlog:gc:file=" + gcLog);
		List<String> pg = new ArrayList<>(List.of(
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + this.pgDatabase,
				"--spring.datasource.username=postgres"));
		pg.addAll(MILLION_LIMITS);
		startServer(pg);
		setUpOrganisation();
		warmUp("PostgreSQL");
		millionImport("PostgreSQL: 1 000 000 create, empty table", "create.csv", newClientsFile("m1", MILLION),
				"", gcLog);
		Path second = newClientsFile("m2", MILLION);
		millionImport("PostgreSQL: dry run of 1 000 000 creates, 1 000 000 stored", "create-2.csv", second,
				"?dryRun=true", gcLog);
		millionImport("PostgreSQL: 1 000 000 create, 1 000 000 stored", "create-2.csv", second, "", gcLog);
		millionImport("PostgreSQL: 1 000 000 update, 2 000 000 stored", "update.csv",
				changedClientsFile("m1", MILLION, "Updated"), "", gcLog);
		// dated by the import, as many files of new clients are: its clients are then the
		// newest, first in the list's order, whose first page walks every one of them that
		// is not committed yet (the files above spread their clients over years)
		millionImport("PostgreSQL: 1 000 000 create dated by the import (no created column), 2 000 000 stored",
				"create-3.csv", undatedClientsFile("m3", MILLION), "", gcLog);
		stopServer();
		// the same into an empty table: a database of its own, as at the start
		emptyDatabase(this.pgDatabase);
		startServer(pg);
		setUpOrganisation();
		warmUp("PostgreSQL");
		millionImport("PostgreSQL: 1 000 000 create dated by the import (no created column), empty table",
				"create-4.csv", undatedClientsFile("m4", MILLION), "", gcLog);
		stopServer();

		Path h2Log = this.work.resolve("gc-h2.log");
		// H2 holds the pages of an open transaction in the server's heap: storing the
		// 125 MiB file at upload ran out of 256 MiB (a humongous allocation, with 83 MiB
		// live); the operations guide says to give it 512 MiB for such files
		this.serverOptions = List.of("-Xmx512m", "-Xlog:gc:file=" + h2Log);
		List<String> h2 = new ArrayList<>(List.of("--spring.datasource.url=jdbc:h2:file:"
				+ this.work.resolve("h2-million").resolve("clientdesk")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=10000"));
		h2.addAll(MILLION_LIMITS);
		startServer(h2);
		setUpOrganisation();
		warmUp("H2");
		millionImport("H2: 1 000 000 create, empty table", "create.csv", newClientsFile("h1", MILLION), "", h2Log);
		stopServer();
	}

	/**
	 * Uploads a file of a million rows and follows it to its end, recording the time from the
	 * upload, the upload's answer, the heap (peak before and after a collection, from the GC
	 * log) and the latency of the clients list and the bell meanwhile, each polled every 250 ms.
	 */
	void millionImport(String name, String fileName, Path file, String query, Path gcLog) throws Exception {
		long gcFrom = Files.exists(gcLog) ? Files.size(gcLog) : 0;
		String load = loadAverage();
		List<Double> list = Collections.synchronizedList(new ArrayList<>());
		List<Double> bell = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pollers = Executors.newFixedThreadPool(1);
		java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
		Future<?> polling = pollers.submit(() -> {
			while (running.get()) {
				list.add(timed(() -> get("/api/clients?size=50")));
				bell.add(timed(() -> get("/api/notifications")));
				try {
					Thread.sleep(250);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		long start = System.nanoTime();
		String id;
		String midway = null;
		String view;
		try {
			id = uploadFile(fileName, file, query);
			record(name + ": upload answer (s)", (System.nanoTime() - start) / 1e9);
			while (true) {
				view = get("/api/imports/" + id);
				String status = field(view, "status");
				if (status.equals("PROCESSING") && midway == null && number(view, "processedRows") > MILLION / 3) {
					midway = "processedRows " + number(view, "processedRows") + ", secondsLeft "
							+ view.replaceAll(".*\"secondsLeft\":([0-9]+|null).*", "$1");
				}
				if (!status.equals("QUEUED") && !status.equals("PROCESSING")) {
					break;
				}
				Thread.sleep(200);
			}
		}
		finally {
			running.set(false);
			polling.get();
			pollers.shutdown();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		if (!field(view, "status").equals("SUCCEEDED")) {
			throw new IllegalStateException(name + " ended " + view);
		}
		record(name + ", upload to end (s)", seconds);
		long[] heap = gcPeaks(gcLog, gcFrom);
		record(name + ": heap peak, before a collection (MiB)", heap[0]);
		record(name + ": heap peak, after a collection (MiB)", heap[1]);
		recordLatencies(name + ": clients list meanwhile", list);
		recordLatencies(name + ": bell meanwhile", bell);
		this.notes.put(name, String.format(Locale.ROOT,
				"created %d, updated %d, unchanged %d; %,.0f rows/s; midway: %s; load average at the start %s,"
						+ " at the end %s",
				number(view, "created"), number(view, "updated"), number(view, "unchanged"), MILLION / seconds,
				midway, load, loadAverage()));
	}

	void recordLatencies(String name, List<Double> latencies) {
		List<Double> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		if (sorted.isEmpty()) {
			return;
		}
		record(name + ", p50 (ms)", sorted.get(sorted.size() / 2));
		record(name + ", p95 (ms)", sorted.get((int) (sorted.size() * 0.95)));
		record(name + ", max (ms)", sorted.get(sorted.size() - 1));
	}

	static double timed(Runnable request) {
		long start = System.nanoTime();
		request.run();
		return (System.nanoTime() - start) / 1e6;
	}

	/**
	 * The peaks of the heap in the GC log written since {@code from}: before a collection
	 * and after one (in MiB), from lines such as {@code Pause Young (Normal) ... 150M->60M(256M)}.
	 */
	static long[] gcPeaks(Path gcLog, long from) throws IOException {
		long[] peaks = { 0, 0 };
		if (!Files.exists(gcLog)) {
			return peaks;
		}
		byte[] all = Files.readAllBytes(gcLog);
		String since = new String(all, (int) Math.min(from, all.length), (int) (all.length - Math.min(from, all.length)),
				StandardCharsets.UTF_8);
		Matcher sizes = Pattern.compile("(\\d+)M->(\\d+)M\\(\\d+M\\)").matcher(since);
		while (sizes.find()) {
			peaks[0] = Math.max(peaks[0], Long.parseLong(sizes.group(1)));
			peaks[1] = Math.max(peaks[1], Long.parseLong(sizes.group(2)));
		}
		return peaks;
	}

	/** A file of new clients as {@link #newClients} writes them, written to disk a row at a time. */
	Path newClientsFile(String prefix, int rows) throws IOException {
		return writeRows(prefix + ".csv", NEW_CLIENTS_HEADER, rows, (row, i) -> appendNewClient(row, prefix, i));
	}

	/**
	 * As {@link #newClientsFile}, without the {@code created} column: each client is dated
	 * by the import.
	 */
	Path undatedClientsFile(String prefix, int rows) throws IOException {
		return writeRows(prefix + "-undated.csv", NEW_CLIENTS_HEADER.replace(",created", ""), rows, (row, i) -> {
			appendNewClient(row, prefix, i);
			row.setLength(row.lastIndexOf(","));
			row.append('\n');
		});
	}

	/** A file of changes as {@link #changedClients} writes them, written to disk a row at a time. */
	Path changedClientsFile(String prefix, int rows, String lastName) throws IOException {
		return writeRows(prefix + "-changed.csv", CHANGED_CLIENTS_HEADER, rows,
				(row, i) -> appendChangedClient(row, prefix, i, lastName));
	}

	Path writeRows(String name, String header, int rows, java.util.function.ObjIntConsumer<StringBuilder> writer)
			throws IOException {
		Path file = this.work.resolve(name);
		try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(header);
			StringBuilder row = new StringBuilder();
			for (int i = 0; i < rows; i++) {
				row.setLength(0);
				writer.accept(row, i);
				out.append(row);
			}
		}
		return file;
	}

	/** Uploads a file from disk, streamed; the import's ID. */
	String uploadFile(String fileName, Path file, String query) throws IOException {
		String boundary = "bench" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		String answer = send(request("/api/imports" + query)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.timeout(Duration.ofMinutes(5))
			.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
					HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
			.build(), 202);
		return field(answer, "id");
	}

	// ---------------------------------------------------------------- the server

	/** Starts the server that the scenarios use; milliseconds until it is healthy. */
	double startServer(List<String> args) throws Exception {
		Server started = launch(args, "server.log", this.port);
		this.server = started.process();
		this.base = started.base();
		return started.startMs();
	}

	record Server(Process process, String base, double startMs) {
	}

	/**
	 * Starts a server on the port given (a free one for 0), logging to {@code log}, and
	 * waits until it is healthy.
	 */
	Server launch(List<String> args, String log, int port) throws Exception {
		if (port == 0) {
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
		}
		String base = "http://127.0.0.1:" + port;
		List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx256m", "-XX:+ExitOnOutOfMemoryError"));
		command.addAll(this.serverOptions);
		command.addAll(List.of("-jar", this.jar, "--server.port=" + port));
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.work.resolve(log).toFile()));
		builder.environment().put("CLIENTDESK_ADMIN_PASSWORD", ADMIN_PASSWORD);
		long start = System.nanoTime();
		Process process = builder.start();
		while (true) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the server stopped; see " + this.work.resolve(log));
			}
			try {
				HttpResponse<String> health = this.http.send(
						HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(), BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					return new Server(process, base, (System.nanoTime() - start) / 1e6);
				}
			}
			catch (IOException ex) {
				// not up yet
			}
			Thread.sleep(50);
		}
	}

	void stopServer() throws InterruptedException {
		if (this.server != null && this.server.isAlive()) {
			this.server.destroy();
			this.server.waitFor();
			String log = readLog();
			if (log.contains("OutOfMemoryError")) {
				this.notes.put("OutOfMemoryError", "YES: see " + this.work.resolve("server.log"));
			}
		}
	}

	String readLog() {
		try {
			return Files.readString(this.work.resolve("server.log"));
		}
		catch (IOException ex) {
			return "";
		}
	}

	static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	// ---------------------------------------------------------------- HTTP

	HttpRequest.Builder request(String path) {
		return request(this.base, path);
	}

	HttpRequest.Builder request(String base, String path) {
		String token = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic " + token);
	}

	String get(String path) {
		return get(this.base, path);
	}

	String get(String base, String path) {
		return send(request(base, path).GET().build(), 200);
	}

	String post(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), 201);
	}

	String send(HttpRequest request, int expected) {
		try {
			HttpResponse<String> response = this.http.send(request, BodyHandlers.ofString());
			if (response.statusCode() != expected) {
				throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
						+ response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	String upload(String fileName, byte[] content) {
		return upload(this.base, fileName, content);
	}

	String upload(String base, String fileName, byte[] content) {
		String boundary = "bench" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		String answer = send(request(base, "/api/imports").header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), 202);
		return field(answer, "id");
	}

	double timedImport(String fileName, byte[] content) {
		long start = System.nanoTime();
		return awaitImport(upload(fileName, content), start);
	}

	double awaitImport(String id) {
		return awaitImport(id, System.nanoTime());
	}

	/** Polls the import every 5 ms until it ends; milliseconds since {@code start}. */
	double awaitImport(String id, long start) {
		return awaitImport(this.base, id, start);
	}

	double awaitImport(String base, String id, long start) {
		while (true) {
			String view = get(base, "/api/imports/" + id);
			String status = field(view, "status");
			if (status.equals("SUCCEEDED")) {
				return (System.nanoTime() - start) / 1e6;
			}
			if (!status.equals("QUEUED") && !status.equals("PROCESSING")) {
				throw new IllegalStateException("import " + id + " ended " + status + ": " + view);
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	long heapUsed() {
		String body = get("/actuator/metrics/jvm.memory.used?tag=area:heap");
		Matcher value = Pattern.compile("\"value\":([0-9.E+]+)").matcher(body);
		return value.find() ? (long) Double.parseDouble(value.group(1)) : -1;
	}

	/**
	 * Polls {@code q} every 5 ms until it finds exactly one client (the import's last row);
	 * milliseconds since {@code start}. Called once the import reads {@code SUCCEEDED}: a
	 * script that searches for what it just imported sees this.
	 */
	double awaitSearchable(String q, long start) {
		String path = "/api/clients?size=1&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (total(path) != 1) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("q never found " + q);
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		return (System.nanoTime() - start) / 1e6;
	}

	long total(String path) {
		return number(get(path), "total");
	}

	String firstId(String path) {
		return field(get(path), "id");
	}

	static String field(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return matcher.group(1);
	}

	static long number(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\":([0-9]+)").matcher(json);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return Long.parseLong(matcher.group(1));
	}

	// ---------------------------------------------------------------- psql and the report

	/** A PostgreSQL database of that name, new and empty (dropped first if it exists). */
	static void emptyDatabase(String name) throws Exception {
		psql("postgres", "drop database if exists " + name + " with (force)");
		psql("postgres", "create database " + name);
	}

	static String psql(String database, String... commands) throws Exception {
		List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
				"-U", "postgres", "-d", database));
		for (String sql : commands) {
			command.add("-c");
			command.add(sql);
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException("psql failed: " + String.join(" ", commands) + "\n" + out);
		}
		return out;
	}

	void record(String name, double value) {
		this.results.computeIfAbsent(name, (key) -> Collections.synchronizedList(new ArrayList<>())).add(value);
		System.err.printf(Locale.ROOT, "  %-62s %10.1f%n", name, value);
	}

	void print() throws Exception {
		System.out.println();
		System.out.println("ClientDesk benchmark, " + Instant.now() + (this.quick ? " (quick run)" : ""));
		System.out.println("Machine: " + machine());
		System.out.println();
		System.out.printf(Locale.ROOT, "| %-80s | %9s | %9s | %9s | %3s | %-7s | %-7s |%n", "scenario", "median", "min",
				"max", "n", "÷ floor", "÷ copy");
		System.out.println("|" + "-".repeat(82) + "|" + "-".repeat(11) + "|" + "-".repeat(11) + "|" + "-".repeat(11)
				+ "|" + "-".repeat(5) + "|" + "-".repeat(9) + "|" + "-".repeat(9) + "|");
		for (var entry : this.results.entrySet()) {
			List<Double> values = new ArrayList<>(entry.getValue());
			Collections.sort(values);
			double median = median(values);
			String toFloor = "";
			String toCopy = "";
			if (entry.getKey().startsWith("5 000")) {
				String suffix = entry.getKey().contains(" at ") ? entry.getKey()
					.substring(entry.getKey().indexOf(" at "), entry.getKey().indexOf(" (ms)")) : "";
				toFloor = ratio(median, this.results.get("\\copy 5 000 rows: the floor" + suffix + " (ms)"));
				toCopy = ratio(median,
						this.results.get("\\copy the same rows into clients itself, rolled back" + suffix + " (ms)"));
			}
			System.out.printf(Locale.ROOT, "| %-80s | %9.1f | %9.1f | %9.1f | %3d | %-7s | %-7s |%n", entry.getKey(),
					median, values.get(0), values.get(values.size() - 1), values.size(), toFloor, toCopy);
		}
		System.out.println();
		System.out.println("÷ floor: the median against the median of \\copy into a table with the same keys;"
				+ " ÷ copy: against the median of \\copy of the same rows into clients itself (its indexes, checks"
				+ " and foreign keys).");
		System.out.println();
		this.notes.forEach((key, value) -> System.out.println("- " + key + ": " + value));
	}

	static double median(List<Double> sorted) {
		return sorted.get(sorted.size() / 2);
	}

	static String ratio(double median, List<Double> base) {
		if (base == null) {
			return "";
		}
		List<Double> sorted = new ArrayList<>(base);
		Collections.sort(sorted);
		return String.format(Locale.ROOT, "%.1f×", median / median(sorted));
	}

	static String loadAverage() throws IOException {
		String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
		return fields[0] + " " + fields[1] + " " + fields[2];
	}

	static String machine() throws Exception {
		String cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
			.stream()
			.filter((line) -> line.startsWith("model name"))
			.findFirst()
			.map((line) -> line.substring(line.indexOf(':') + 1).trim())
			.orElse("unknown CPU");
		long memory = Files.readAllLines(Path.of("/proc/meminfo"))
			.stream()
			.filter((line) -> line.startsWith("MemTotal"))
			.findFirst()
			.map((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 / 1024)
			.orElse(0L);
		String postgres = psql("postgres", "show server_version").lines()
			.map(String::trim)
			.filter((line) -> line.matches("[0-9].*"))
			.findFirst()
			.orElse("?");
		return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memory + " GiB, Java "
				+ System.getProperty("java.version") + ", PostgreSQL " + postgres;
	}

}
