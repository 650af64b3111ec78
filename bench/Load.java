import java.io.IOException;
import java.net.CookieManager;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ClientDesk's load test, run by bench/load: many uploads at once against one server at
 * -Xmx256m on a fresh PostgreSQL database, half of the files on the same clients, while a
 * user browses the clients list; then checks what must hold under load (every import
 * ended, no 5xx, no duplicate, no lost update, no ERROR, every event completed) and prints
 * the figures. Exits 1 if an invariant failed. A single source file (java bench/Load.java):
 * nothing to build but the jar.
 */
public class Load {

	static final String ADMIN_PASSWORD = "load-admin-password";

	static final String[] FIRST = { "Anna", "José", "Zoë", "Liam", "Noah", "Mia", "Karl", "Sofia", "Ivan", "Chloé",
			"Lucas", "Emma", "Omar", "Lea", "Jan", "Eva" };

	static final String[] LAST = { "Müller", "García", "Smith", "Nowak", "Rossi", "Dubois", "Jensen", "Silva",
			"Novak", "Costa", "Ivanova", "Schmidt", "Moreau", "Kowalski", "Fischer", "Martin" };

	static final String[] SEARCHES = { "nowak", "anna", "ller", "f07", "shared.12", "example" };

	static final double TARGET_P95_MS = 150;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final Path work;

	final int files;

	final int rows;

	final int shared;

	final int port;

	final Duration timeout;

	final String database;

	final Path jar;

	/** More settings for the server, given after {@code --}. */
	final List<String> serverArgs;

	final List<String> projects = new ArrayList<>();

	final List<String> desks = new ArrayList<>();

	final AtomicInteger serverErrors = new AtomicInteger();

	final List<String> serverErrorSamples = Collections.synchronizedList(new ArrayList<>());

	final AtomicLong maxHeap = new AtomicLong();

	/** The connection pool, every 200 ms: when, connections in use, requests waiting. */
	final List<long[]> pool = Collections.synchronizedList(new ArrayList<>());

	/** When the last upload was answered: after it, only the imports run. */
	volatile long uploaded;

	/** Every list request of the user: when it was sent, what it was, how long it took. */
	final List<Timed> timings = Collections.synchronizedList(new ArrayList<>());

	final List<String> failures = new ArrayList<>();

	String base;

	Process server;

	volatile boolean browsing = true;

	/** From when the server is warm and idle: the list's figures before the load. */
	long idleFrom;

	record Timed(long sentNanos, String kind, double ms) {
	}

	/** One uploaded file: its import and what it ended as. */
	static final class Upload {

		final int file;

		final byte[] content;

		String id;

		int answer;

		String view;

		Upload(int file, byte[] content) {
			this.file = file;
			this.content = content;
		}

		String status() {
			return (this.view != null) ? field(this.view, "status") : "NOT UPLOADED";
		}

		boolean ended() {
			String status = status();
			return !status.equals("QUEUED") && !status.equals("PROCESSING");
		}

	}

	Load(Map<String, String> options, List<String> serverArgs) throws IOException {
		this.serverArgs = serverArgs;
		this.files = Integer.parseInt(options.getOrDefault("files", "20"));
		this.rows = Integer.parseInt(options.getOrDefault("rows", "5000"));
		this.shared = Integer.parseInt(options.getOrDefault("shared", String.valueOf(this.files / 2)));
		this.port = Integer.parseInt(options.getOrDefault("port", "0"));
		this.timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("timeout", "600")));
		this.database = options.getOrDefault("database", "clientdesk_load");
		this.jar = Path.of(options.getOrDefault("jar", "target/clientdesk.jar"));
		this.work = Files.createTempDirectory("clientdesk-load");
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		List<String> serverArgs = new ArrayList<>();
		for (int i = 0; i < args.length; i += 2) {
			if (args[i].equals("--")) {
				serverArgs.addAll(List.of(args).subList(i + 1, args.length));
				break;
			}
			if (!args[i].startsWith("--") || i + 1 == args.length) {
				throw new IllegalArgumentException("options are --name value: " + args[i]);
			}
			options.put(args[i].substring(2), args[i + 1]);
		}
		Load load = new Load(options, serverArgs);
		boolean held;
		try {
			held = load.run();
		}
		finally {
			load.stopServer();
		}
		System.exit(held ? 0 : 1);
	}

	boolean run() throws Exception {
		String loadBefore = loadAverage();
		psql("postgres", "drop database if exists " + this.database + " with (force)");
		psql("postgres", "create database " + this.database);
		startServer();
		setUpOrganisation();
		List<Upload> uploads = new ArrayList<>();
		for (int k = 0; k < this.files; k++) {
			uploads.add(new Upload(k, file(k)));
		}
		WebUser user = new WebUser();
		Thread heap = daemon(this::pollMetrics);
		Thread browser = daemon(user::browse);
		// a warm server, as it runs most of the day: the list's code compiled, an import done
		awaitAll(uploadAll(List.of(new Upload(-1, warmUpFile()))));
		Thread.sleep(3_000);
		this.idleFrom = System.nanoTime();
		Thread.sleep(10_000);
		long start = System.nanoTime();
		uploadAll(uploads);
		this.uploaded = System.nanoTime();
		boolean allEnded = awaitAll(uploads);
		long end = System.nanoTime();
		this.browsing = false;
		browser.join();
		long incomplete = awaitEventsCompleted();
		heap.interrupt();
		String loadAfter = loadAverage();
		stopServer();

		System.out.println();
		System.out.printf(Locale.ROOT, "ClientDesk load test, %s: %d uploads of %d rows at once (%d on the same clients), "
				+ "server at -Xmx256m on PostgreSQL%s%n", Instant.now(), this.files, this.rows, this.shared,
				this.serverArgs.isEmpty() ? "" : ", " + String.join(" ", this.serverArgs));
		System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " cores; load average before "
				+ loadBefore + ", after " + loadAfter);
		System.out.printf(Locale.ROOT, "All imports ended %.1f s after the uploads began%n%n", (end - start) / 1e9);
		printImports(uploads);
		if (!allEnded) {
			this.failures.add("an import had not ended after " + this.timeout.toSeconds() + " s");
		}
		System.out.println();
		printLatency(start, end);
		System.out.println();
		check("responses with a 5xx status", this.serverErrors.get(), this.serverErrorSamples);
		checkDatabase(uploads);
		check("incomplete event publications", incomplete, List.of());
		List<String> errors = Files.readAllLines(this.work.resolve("server.log"))
			.stream()
			.filter((line) -> line.matches("^\\S+\\s+ERROR .*"))
			.toList();
		check("ERROR lines in the server log", errors.size(), errors);
		System.out.printf(Locale.ROOT, "  %-56s %d MiB of 256 (Actuator jvm.memory.used, area heap)%n",
				"max heap used", this.maxHeap.get() / 1024 / 1024);
		printGc();
		System.out.printf(Locale.ROOT, "  %-56s %s%n", "database connections (Actuator hikaricp.*)", poolFigures(start));
		System.out.println();
		System.out.println("Server log and GC log: " + this.work);
		if (this.failures.isEmpty()) {
			System.out.println("Every invariant held.");
			return true;
		}
		System.out.println("FAILED: " + String.join("; ", this.failures));
		return false;
	}

	// ---------------------------------------------------------------- the files

	/**
	 * File k. The first {@code files - shared} each create clients of their own; the other
	 * {@code shared} files all write the same clients (created by whichever runs first,
	 * updated by the others), each with values that say which file they came from: every
	 * column of row i of file k is a function of (k, i), so a client whose columns come
	 * from two files, or from a file that was not the last to write it, is a lost update.
	 * Every other shared file writes its emails in upper case: one client however written.
	 */
	byte[] file(int k) {
		StringBuilder csv = new StringBuilder("email,firstName,lastName,project,desk,active,type\n");
		for (int i = 0; i < this.rows; i++) {
			String email = email(k, i);
			csv.append((isShared(k) && k % 2 == 1) ? email.toUpperCase(Locale.ROOT) : email);
			for (String value : values(k, i)) {
				csv.append(',').append(value);
			}
			csv.append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	byte[] warmUpFile() {
		StringBuilder csv = new StringBuilder("email,firstName,lastName\n");
		for (int i = 0; i < this.rows; i++) {
			csv.append("warm.").append(i).append("@example.com,Warm,Up ").append(i).append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	boolean isShared(int k) {
		return k >= this.files - this.shared;
	}

	String email(int k, int i) {
		String who = FIRST[i % FIRST.length].toLowerCase(Locale.ROOT).replace('é', 'e').replace('ë', 'e') + "."
				+ LAST[(i / FIRST.length) % LAST.length].toLowerCase(Locale.ROOT).replace('ü', 'u').replace('í', 'i');
		return who + "." + (isShared(k) ? "shared" : "f" + k) + "." + i + "@example.com";
	}

	/** First name, last name, project, desk, active, type of row i in file k. */
	List<String> values(int k, int i) {
		return List.of(FIRST[i % FIRST.length] + " F" + k, LAST[(i / FIRST.length) % LAST.length] + " F" + k + "-" + i,
				this.projects.get((k + i) % this.projects.size()), this.desks.get((k / 2 + i) % this.desks.size()),
				String.valueOf((k + i) % 3 != 0), ((k + i) % 2 == 0) ? "Personal" : "Corporate");
	}

	// ---------------------------------------------------------------- the load

	/** Uploads every file at the same moment, each from a thread of its own. */
	List<Upload> uploadAll(List<Upload> uploads) throws InterruptedException {
		CountDownLatch go = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		for (Upload upload : uploads) {
			threads.add(daemon(() -> {
				try {
					go.await();
					String name = (upload.file < 0) ? "warm-up.csv" : "load-" + upload.file + ".csv";
					HttpResponse<String> answer = send(multipart(name, upload.content));
					upload.answer = answer.statusCode();
					if (answer.statusCode() == 202) {
						upload.id = field(answer.body(), "id");
						upload.view = answer.body();
					}
					else {
						upload.view = "{\"status\":\"UPLOAD ANSWERED " + answer.statusCode() + "\"}";
					}
				}
				catch (Exception ex) {
					upload.view = "{\"status\":\"UPLOAD FAILED: " + ex + "\"}";
				}
			}));
		}
		go.countDown();
		for (Thread thread : threads) {
			thread.join();
		}
		return uploads;
	}

	/** Polls the imports every 250 ms until all have ended; false after the timeout. */
	boolean awaitAll(List<Upload> uploads) throws InterruptedException {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		while (System.nanoTime() < deadline) {
			boolean all = true;
			for (Upload upload : uploads) {
				if (upload.id != null && !upload.ended()) {
					HttpResponse<String> view = send(api("/api/imports/" + upload.id).GET().build());
					if (view.statusCode() == 200) {
						upload.view = view.body();
					}
					all &= upload.ended();
				}
			}
			if (all) {
				return true;
			}
			Thread.sleep(250);
		}
		return false;
	}

	/**
	 * A person on the clients list, continuously and without pause: the JSON list (first
	 * page, a numbered page, the next page by cursor, a search) and the page itself under
	 * a session (whole page, a search, a numbered page, htmx's results).
	 */
	final class WebUser {

		final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		void browse() {
			try {
				logIn();
				for (int round = 0; Load.this.browsing; round++) {
					String q = SEARCHES[round % SEARCHES.length];
					int page = 1 + round % 5;
					String first = timed("api first page", api("/api/clients?size=50"));
					timed("api page " + page, api("/api/clients?size=50&page=" + page));
					Matcher next = Pattern.compile("\"next\":\"([^\"]+)\"").matcher(first);
					if (next.find()) {
						timed("api next page by cursor", api("/api/clients?size=50&after=" + next.group(1)));
					}
					timed("api q", api("/api/clients?size=50&q=" + q));
					timed("page", page("/clients"));
					timed("page q", page("/clients?q=" + q));
					timed("page number", page("/clients?page=" + page));
					timed("page q, htmx results", page("/clients?q=" + q + "&page=1").header("HX-Request", "true"));
				}
			}
			catch (Exception ex) {
				Load.this.failures.add("the browsing user stopped: " + ex);
			}
		}

		void logIn() throws Exception {
			HttpResponse<String> form = this.browser.send(page("/login").build(), BodyHandlers.ofString());
			Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form.body());
			if (!csrf.find()) {
				throw new IllegalStateException("no CSRF token on the login form");
			}
			String body = "username=admin&password=" + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8)
					+ "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
			HttpResponse<String> answer = this.browser.send(page("/login")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), BodyHandlers.ofString());
			if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
				throw new IllegalStateException("could not log in: " + answer.statusCode());
			}
		}

		String timed(String kind, HttpRequest.Builder request) throws Exception {
			HttpClient client = request.build().headers().firstValue("Authorization").isPresent() ? Load.this.http
					: this.browser;
			long sent = System.nanoTime();
			HttpResponse<String> answer = client.send(request.build(), BodyHandlers.ofString());
			Load.this.timings.add(new Timed(sent, kind, (System.nanoTime() - sent) / 1e6));
			count(answer);
			if (answer.statusCode() != 200) {
				throw new IllegalStateException(request.build().uri() + " answered " + answer.statusCode());
			}
			return answer.body();
		}

	}

	/**
	 * Polls the server's metrics every 200 ms: the heap in use (the sum of its pools, as
	 * Actuator adds them), and the connection pool's connections in use and requests
	 * waiting for one.
	 */
	void pollMetrics() {
		while (!Thread.currentThread().isInterrupted()) {
			try {
				this.maxHeap.accumulateAndGet(metric("jvm.memory.used?tag=area:heap"), Math::max);
				this.pool.add(new long[] { System.nanoTime(), metric("hikaricp.connections.active"),
						metric("hikaricp.connections.pending") });
				Thread.sleep(200);
			}
			catch (InterruptedException | RuntimeException ex) {
				return; // stopped, or the server has
			}
		}
	}

	long metric(String name) {
		String body = send(api("/actuator/metrics/" + name).GET().build()).body();
		Matcher value = Pattern.compile("\"value\":([0-9.E+]+)").matcher(body);
		return value.find() ? (long) Double.parseDouble(value.group(1)) : 0;
	}

	static Thread daemon(Runnable body) {
		Thread thread = new Thread(body);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	/**
	 * Event publications not completed (with completion-mode delete, any row left): the
	 * bell's notifications are written just after each import, so this waits up to 60 s
	 * for them.
	 */
	long awaitEventsCompleted() throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		long left;
		do {
			left = Long.parseLong(
					psql(this.database, "select count(*) from event_publication where completion_date is null").trim());
			if (left > 0) {
				Thread.sleep(500);
			}
		}
		while (left > 0 && System.nanoTime() < deadline);
		return left;
	}

	// ---------------------------------------------------------------- the checks

	void printImports(List<Upload> uploads) {
		System.out.println("| file | clients | status | created | updated | unchanged | failed | reason |");
		System.out.println("|---|---|---|---|---|---|---|---|");
		for (Upload upload : uploads) {
			String status = upload.status();
			String reason = "";
			if (upload.answer == 202 && upload.ended() && !status.equals("SUCCEEDED")) {
				HttpResponse<String> report = send(api("/api/imports/" + upload.id + "/errors.csv").GET().build());
				String[] lines = report.body().split("\n");
				reason = (lines.length > 1) ? lines[1] + ((lines.length > 2) ? " (+" + (lines.length - 2) + ")" : "")
						: "no error report";
			}
			boolean counted = upload.view.contains("\"created\"");
			System.out.printf(Locale.ROOT, "| load-%d.csv | %s | %s | %s | %s | %s | %s | %s |%n", upload.file,
					isShared(upload.file) ? "shared" : "its own", status, counted ? number(upload.view, "created") : "",
					counted ? number(upload.view, "updated") : "", counted ? number(upload.view, "unchanged") : "",
					counted ? number(upload.view, "failed") : "", reason);
			if (!status.equals("SUCCEEDED") && !(status.equals("FAILED") && !reason.isEmpty())) {
				this.failures.add("load-" + upload.file + ".csv ended " + status + " without a reason");
			}
		}
	}

	void printLatency(long start, long end) {
		List<Timed> during = new ArrayList<>();
		List<Timed> before = new ArrayList<>();
		synchronized (this.timings) {
			for (Timed timed : this.timings) {
				if (timed.sentNanos() >= start && timed.sentNanos() <= end) {
					during.add(timed);
				}
				else if (timed.sentNanos() >= this.idleFrom && timed.sentNanos() < start) {
					before.add(timed);
				}
			}
		}
		System.out.println("The clients list, as the browsing user waited for it (ms):");
		System.out.println("| requests | n | p50 | p95 | p99 | max |");
		System.out.println("|---|---|---|---|---|---|");
		latencyRow("during the imports: all", during);
		latencyRow("during: while uploading (until the last 202)",
				during.stream().filter((timed) -> timed.sentNanos() <= this.uploaded).toList());
		latencyRow("during: after the last upload was answered",
				during.stream().filter((timed) -> timed.sentNanos() > this.uploaded).toList());
		Map<String, List<Timed>> byKind = new LinkedHashMap<>();
		for (Timed timed : during) {
			byKind.computeIfAbsent(timed.kind().replaceAll(" [0-9]+$", " N"), (key) -> new ArrayList<>()).add(timed);
		}
		byKind.forEach((kind, list) -> latencyRow("during: " + kind, list));
		latencyRow("before the imports: warm, idle server", before);
		double p95 = percentile(during, 95);
		System.out.printf(Locale.ROOT, "p95 during the imports: %.1f ms against the target of < %.0f ms: %s%n", p95,
				TARGET_P95_MS, (p95 < TARGET_P95_MS) ? "met" : "MISSED");
	}

	/** At most how many connections were in use and requests waiting, while uploading and after. */
	String poolFigures(long start) {
		long[] uploading = new long[2];
		long[] after = new long[2];
		synchronized (this.pool) {
			for (long[] sample : this.pool) {
				long[] phase = (sample[0] < start) ? null : (sample[0] <= this.uploaded) ? uploading : after;
				if (phase != null) {
					phase[0] = Math.max(phase[0], sample[1]);
					phase[1] = Math.max(phase[1], sample[2]);
				}
			}
		}
		return String.format(Locale.ROOT,
				"at most %d in use and %d requests waiting while uploading; %d and %d after the last upload", uploading[0],
				uploading[1], after[0], after[1]);
	}

	void latencyRow(String name, List<Timed> list) {
		if (list.isEmpty()) {
			return;
		}
		System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", name, list.size(),
				percentile(list, 50), percentile(list, 95), percentile(list, 99), percentile(list, 100));
	}

	static double percentile(List<Timed> list, double p) {
		if (list.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(list.stream().map(Timed::ms).sorted().toList());
		int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	/**
	 * Duplicates (case-insensitive), and for every client of the files: its values are
	 * those of one file that wrote it, all columns from that file; a shared client's are
	 * those of the shared import that ended last (each import writes all its clients in
	 * one transaction, so any other is an update lost); a failed import wrote nothing.
	 */
	void checkDatabase(List<Upload> uploads) throws Exception {
		List<String> duplicates = psql(this.database,
				"select lower(email) || ' ×' || count(*) from clients group by lower(email) having count(*) > 1")
			.lines()
			.filter((line) -> !line.isBlank())
			.toList();
		check("duplicate emails (case-insensitive)", duplicates.size(), duplicates);

		Map<String, List<String>> stored = new HashMap<>();
		for (String line : psql(this.database, "select email, first_name, last_name, project_id, desk_id, active, type "
				+ "from clients where email not like 'warm.%'").lines().toList()) {
			if (!line.isBlank()) {
				String[] cells = line.split("\\|", -1);
				stored.put(cells[0], List.of(cells).subList(1, cells.length));
			}
		}
		Upload lastShared = uploads.stream()
			.filter((upload) -> isShared(upload.file) && upload.status().equals("SUCCEEDED"))
			.max((a, b) -> field(a.view, "finishedAt").compareTo(field(b.view, "finishedAt")))
			.orElse(null);
		List<String> lost = new ArrayList<>();
		List<String> written = new ArrayList<>();
		long expected = 0;
		for (Upload upload : uploads) {
			boolean succeeded = upload.status().equals("SUCCEEDED");
			if (isShared(upload.file) && upload != lastShared) {
				continue;
			}
			for (int i = 0; i < this.rows; i++) {
				List<String> row = stored.get(email(upload.file, i));
				if (!succeeded) {
					if (row != null && !isShared(upload.file)) {
						written.add(email(upload.file, i) + " of " + upload.status() + " load-" + upload.file + ".csv");
					}
					continue;
				}
				expected++;
				List<String> values = new ArrayList<>(values(upload.file, i));
				values.set(4, values.get(4).equals("true") ? "t" : "f");
				if (!values.equals(row)) {
					lost.add(email(upload.file, i) + ": " + row + ", expected load-" + upload.file + ".csv's "
							+ values);
				}
			}
		}
		if (lastShared == null && this.shared > 0 && stored.containsKey(email(this.files - 1, 0))) {
			written.add("shared clients exist, but no shared import succeeded");
		}
		check("lost updates (a client not as its last import wrote it)", lost.size(), lost);
		check("clients written by a failed import", written.size(), written);
		check("clients stored but not in a file", Math.max(0, stored.size() - expected), List.of());
	}

	void check(String what, long count, List<String> samples) {
		System.out.printf(Locale.ROOT, "  %-56s %d%s%n", what, count, (count == 0) ? "" : "   <-- FAILED");
		samples.stream().limit(5).forEach((sample) -> System.out.println("      " + sample));
		if (count != 0) {
			this.failures.add(what + ": " + count);
		}
	}

	void printGc() throws IOException {
		Path log = this.work.resolve("gc.log");
		if (!Files.exists(log)) {
			return;
		}
		Pattern pause = Pattern.compile("Pause .* ([0-9]+)M->([0-9]+)M\\(([0-9]+)M\\) ([0-9.]+)ms");
		int pauses = 0;
		double total = 0;
		double longest = 0;
		long maxAfter = 0;
		for (String line : Files.readAllLines(log)) {
			Matcher matcher = pause.matcher(line);
			if (matcher.find()) {
				pauses++;
				double ms = Double.parseDouble(matcher.group(4));
				total += ms;
				longest = Math.max(longest, ms);
				maxAfter = Math.max(maxAfter, Long.parseLong(matcher.group(2)));
			}
		}
		System.out.printf(Locale.ROOT, "  %-56s %d pauses, %.0f ms in all, longest %.1f ms, at most %d MiB live after one%n",
				"GC (whole run)", pauses, total, longest, maxAfter);
	}

	// ---------------------------------------------------------------- the server

	void startServer() throws Exception {
		int port = this.port;
		if (port == 0) {
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
		}
		this.base = "http://127.0.0.1:" + port;
		Path jar = this.jar;
		if (!Files.exists(jar)) {
			throw new IllegalStateException("no " + jar + ": build it first (./mvnw -DskipTests package)");
		}
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
				"-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + this.work.resolve("gc.log"), "-jar", jar.toString(),
				"--server.port=" + port, "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + this.database,
				"--spring.datasource.username=postgres",
				// one user (admin) uploads every file at once: the per-user limit of imports
				// waiting, there for people, would refuse most of them (429)
				"--clientdesk.import.max-queued-per-user=" + (this.files + 1)));
		command.addAll(this.serverArgs);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.work.resolve("server.log").toFile());
		builder.environment().put("CLIENTDESK_ADMIN_PASSWORD", ADMIN_PASSWORD);
		this.server = builder.start();
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.server.isAlive()) {
				throw new IllegalStateException("the server stopped; see " + this.work.resolve("server.log"));
			}
			try {
				HttpResponse<String> health = this.http.send(
						HttpRequest.newBuilder(URI.create(this.base + "/actuator/health")).build(),
						BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not up yet
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("the server did not start within 5 minutes");
	}

	void stopServer() throws InterruptedException {
		if (this.server != null && this.server.isAlive()) {
			this.server.destroy();
			this.server.waitFor();
		}
	}

	void setUpOrganisation() {
		String defaults = send(api("/api/settings/import-defaults").GET().build()).body();
		this.projects.add(field(defaults, "project"));
		this.desks.add(field(defaults, "desk"));
		for (String name : List.of("Atlas Markets", "Borealis FX", "Cobalt Invest")) {
			this.projects.add(field(created("/api/projects", name), "id"));
		}
		for (String name : List.of("Retention", "Conversion", "VIP")) {
			this.desks.add(field(created("/api/desks", name), "id"));
		}
	}

	String created(String path, String name) {
		HttpResponse<String> answer = send(api(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))
			.build());
		if (answer.statusCode() != 201) {
			throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
		}
		return answer.body();
	}

	// ---------------------------------------------------------------- HTTP and psql

	HttpRequest.Builder api(String path) {
		String token = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create(this.base + path)).header("Authorization", "Basic " + token);
	}

	HttpRequest.Builder page(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path));
	}

	HttpRequest multipart(String fileName, byte[] content) {
		String boundary = "load" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		return api("/api/imports").header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
	}

	HttpResponse<String> send(HttpRequest request) {
		try {
			return count(this.http.send(request, BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.uri() + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	<T> HttpResponse<T> count(HttpResponse<T> response) {
		if (response.statusCode() >= 500) {
			this.serverErrors.incrementAndGet();
			this.serverErrorSamples.add(response.request().uri() + " answered " + response.statusCode());
		}
		return response;
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

	/** Runs SQL with psql; its rows unaligned, '|' between columns, without header. */
	static String psql(String database, String sql) throws Exception {
		Process process = new ProcessBuilder("psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
				"-U", "postgres", "-d", database, "-c", sql)
			.redirectErrorStream(true)
			.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException("psql failed: " + sql + "\n" + out);
		}
		return out;
	}

	static String loadAverage() throws IOException {
		String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
		return fields[0] + " " + fields[1] + " " + fields[2];
	}

}
