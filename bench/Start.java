import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How long ClientDesk takes from {@code java …} to {@code /actuator/health} UP, run by bench/start:
 * the plain jar against the extracted jar with its training run's archive (CDS on Java 17, the AOT
 * cache on Java 25+, made by scripts/prepare-fast-start.sh, the deploy recipe itself), on H2 and on
 * PostgreSQL. The forms take turns within each round (which goes first alternates), so that other
 * work on the machine weighs on both alike; each start's load average is printed with it. Besides
 * the wall time, the CPU time the server used until healthy: it depends less on that other work.
 * A single source file run with {@code java bench/Start.java}: nothing to build.
 */
public class Start {

	static final String DATABASE = "clientdesk_start";

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	final Path work = Files.createTempDirectory("clientdesk-start");

	final Map<String, List<double[]>> results = new LinkedHashMap<>();

	Start() throws IOException {
	}

	record Form(String name, List<String> command, Path directory) {
	}

	public static void main(String[] args) throws Exception {
		int rounds = 5;
		String jar = "target/clientdesk.jar";
		List<String> javas = new ArrayList<>();
		for (int i = 0; i < args.length - 1; i++) {
			switch (args[i]) {
				case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
				case "--jar" -> jar = args[i + 1];
				case "--java" -> javas.add(args[i + 1]);
				default -> {
				}
			}
		}
		if (javas.isEmpty()) {
			javas.add(System.getProperty("java.home"));
		}
		new Start().run(Path.of(jar).toAbsolutePath(), javas, rounds);
	}

	void run(Path jar, List<String> javas, int rounds) throws Exception {
		String loadBefore = loadAverage();
		List<Form> forms = new ArrayList<>();
		for (String javaHome : javas) {
			String java = Path.of(javaHome, "bin", "java").toString();
			String version = version(java);
			forms.add(new Form("plain jar, Java " + version, List.of(java, "-Xmx256m", "-jar", jar.toString()), null));
			Path prepared = this.work.resolve("fast-start-" + version);
			prepare(javaHome, jar, prepared);
			String archive = Files.exists(prepared.resolve("clientdesk.aot")) ? "-XX:AOTCache=clientdesk.aot"
					: "-XX:SharedArchiveFile=clientdesk.jsa";
			forms.add(new Form("extracted + " + (archive.contains("AOT") ? "AOT cache" : "CDS") + ", Java " + version,
					List.of(java, "-Xmx256m", archive, "-jar", jar.getFileName().toString()), prepared));
		}
		Map<String, List<String>> databases = new LinkedHashMap<>();
		databases.put("H2", List.of("--spring.datasource.url=jdbc:h2:file:" + this.work.resolve("h2/clientdesk")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=10000"));
		databases.put("PostgreSQL", List.of("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + DATABASE,
				"--spring.datasource.username=postgres"));
		psql("drop database if exists " + DATABASE + " with (force)");
		psql("create database " + DATABASE);
		// a first start on each database migrates it and fills the OS's file cache: not measured,
		// every measured start is a restart on a database that has its schema
		for (List<String> database : databases.values()) {
			start(forms.get(0), database);
		}
		for (int round = 0; round < rounds; round++) {
			for (var database : databases.entrySet()) {
				List<Form> order = new ArrayList<>(forms);
				if (round % 2 == 1) {
					Collections.reverse(order);
				}
				for (Form form : order) {
					double[] figures = start(form, database.getValue());
					String key = form.name() + " | " + database.getKey();
					this.results.computeIfAbsent(key, (k) -> new ArrayList<>()).add(figures);
					System.err.printf(Locale.ROOT, "  round %d  %-40s %-10s %8.0f ms  CPU %6.1f s  load %s%n", round + 1,
							form.name(), database.getKey(), figures[0], figures[1], loadAverage());
				}
			}
		}
		psql("drop database if exists " + DATABASE + " with (force)");
		print(loadBefore);
	}

	void prepare(String javaHome, Path jar, Path directory) throws Exception {
		ProcessBuilder builder = new ProcessBuilder("scripts/prepare-fast-start.sh", jar.toString(),
				directory.toString())
			.redirectErrorStream(true);
		builder.environment().put("JAVA_HOME", javaHome);
		builder.environment().put("JAVA_OPTS", "-Xmx256m");
		Process process = builder.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException("scripts/prepare-fast-start.sh failed:\n" + out);
		}
		System.err.print(out);
	}

	/** Starts the server, waits for health UP, stops it; {wall ms, CPU s until healthy}. */
	double[] start(Form form, List<String> database) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = new ArrayList<>(form.command());
		command.add("--server.port=" + port);
		command.addAll(database);
		Path log = this.work.resolve("server.log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
		if (form.directory() != null) {
			builder.directory(form.directory().toFile());
		}
		builder.environment().put("CLIENTDESK_ADMIN_PASSWORD", "start-bench-password");
		long start = System.nanoTime();
		Process server = builder.start();
		Thread stop = new Thread(server::destroy); // the benchmark stopped with Ctrl-C: the server too
		Runtime.getRuntime().addShutdownHook(stop);
		try {
			HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
				.build();
			while (true) {
				if (!server.isAlive()) {
					throw new IllegalStateException("the server stopped:\n" + Files.readString(log));
				}
				try {
					var answer = this.http.send(health, BodyHandlers.ofString());
					if (answer.statusCode() == 200 && answer.body().contains("UP")) {
						double wall = (System.nanoTime() - start) / 1e6;
						return new double[] { wall, cpuSeconds(server.pid()) };
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				Thread.sleep(20);
			}
		}
		finally {
			server.destroy();
			server.waitFor();
			Runtime.getRuntime().removeShutdownHook(stop);
			String text = Files.readString(log);
			// the JVM starts without an archive it cannot use, and says so in a warning
			if (text.lines().anyMatch((line) -> line.matches("\\[.*\\]\\[(warning|error)\\]\\[(cds|aot).*"))) {
				throw new IllegalStateException(form.name() + " could not use its archive:\n" + text);
			}
		}
	}

	/** utime + stime of the process, from /proc/PID/stat (clock ticks of 1/100 s). */
	static double cpuSeconds(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
	}

	void print(String loadBefore) throws Exception {
		System.out.println();
		System.out.println("ClientDesk start to healthy, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
				+ " cores");
		System.out.println();
		System.out.println("| form | database | start → healthy, median (ms) | min | max | CPU until healthy, median (s) | min | max | n | ÷ the first plain jar: wall / CPU |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|");
		Map<String, double[]> plain = new LinkedHashMap<>();
		for (var entry : this.results.entrySet()) {
			List<Double> wall = new ArrayList<>();
			List<Double> cpu = new ArrayList<>();
			entry.getValue().forEach((figures) -> {
				wall.add(figures[0]);
				cpu.add(figures[1]);
			});
			Collections.sort(wall);
			Collections.sort(cpu);
			String[] names = entry.getKey().split(" \\| ");
			String database = names[1];
			if (names[0].startsWith("plain")) {
				plain.putIfAbsent(database, new double[] { median(wall), median(cpu) });
			}
			double[] base = plain.get(database);
			System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %.1f | %.1f | %.1f | %d | %s |%n", names[0],
					database, median(wall), wall.get(0), wall.get(wall.size() - 1), median(cpu), cpu.get(0),
					cpu.get(cpu.size() - 1), wall.size(),
					(base == null) ? ""
							: String.format(Locale.ROOT, "%.2f / %.2f", median(wall) / base[0], median(cpu) / base[1]));
		}
		System.out.println();
		System.out.println("- load average (1, 5, 15 min) at the start / at the end: " + loadBefore + " / " + loadAverage());
		System.out.println("- each start: a restart on a database that has its schema (a first start, not measured, "
				+ "migrated it); -Xmx256m; health polled every 20 ms");
	}

	static double median(List<Double> sorted) {
		return sorted.get(sorted.size() / 2);
	}

	static String version(String java) throws Exception {
		Process process = new ProcessBuilder(java, "-XshowSettings:properties", "-version").redirectErrorStream(true)
			.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		return out.lines()
			.map(String::trim)
			.filter((line) -> line.startsWith("java.version ="))
			.map((line) -> line.substring(line.indexOf('=') + 1).trim())
			.findFirst()
			.orElseThrow();
	}

	static void psql(String sql) throws Exception {
		Process process = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-U",
				"postgres", "-d", "postgres", "-c", sql)
			.redirectErrorStream(true)
			.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException("psql failed: " + sql + "\n" + out);
		}
	}

	static String loadAverage() throws IOException {
		String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
		return fields[0] + " " + fields[1] + " " + fields[2];
	}

}
