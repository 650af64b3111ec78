package io.clientdesk.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.clientdesk.shared.ObjectIds;
import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.TestClients;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading clients through the API. The database is shared with other test classes: every
 * test puts its clients in a project (or desk) of its own and filters by it.
 */
@IntegrationTest
class ClientApiIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant T0 = Instant.parse("2024-06-13T15:06:02Z");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Api api;

	@Autowired
	TestClients clients;

	Login agent;

	String tag;

	@BeforeEach
	void setUp() {
		this.agent = this.api.user("clients-agent", "AGENT");
		this.tag = ObjectIds.next();
	}

	@Test
	void a_page_of_clients_has_its_items_page_size_and_total() {
		String project = project();
		client("Ada", "Lovelace", project, desk(), true, "Personal", T0);

		JsonNode page = list("project=" + project);

		assertThat(page.propertyNames()).containsExactly("items", "page", "size", "total", "totalExact", "next");
		assertThat(page.get("totalExact").asBoolean()).isTrue();
		assertThat(page.get("items").isArray()).isTrue();
		assertThat(page.get("page").asInt()).isZero();
		assertThat(page.get("size").asInt()).isEqualTo(50);
		assertThat(page.get("total").asLong()).isEqualTo(1);
	}

	@Test
	void the_list_shows_the_newest_clients_first() {
		String project = project();
		String desk = desk();
		String middle = client("Mid", "Dle", project, desk, true, "Personal", T0.plus(Duration.ofHours(1)));
		String oldest = client("Old", "Est", project, desk, true, "Personal", T0);
		String newest = client("New", "Est", project, desk, true, "Personal", T0.plus(Duration.ofDays(30)));
		String secondNewest = client("Sec", "Ond", project, desk, true, "Personal",
				T0.plus(Duration.ofDays(30)).minusMillis(1));

		assertThat(ids(list("project=" + project))).containsExactly(newest, secondNewest, middle, oldest);
	}

	@Test
	void the_list_comes_in_pages_of_the_size_asked_for() {
		String project = project();
		String desk = desk();
		String[] byAge = new String[5];
		for (int i = 0; i < 5; i++) {
			byAge[i] = client("Page", "Client" + i, project, desk, true, "Personal", T0.plus(Duration.ofMinutes(i)));
		}

		JsonNode first = list("project=" + project + "&size=2");
		JsonNode second = list("project=" + project + "&size=2&page=1");
		JsonNode last = list("project=" + project + "&size=2&page=2");
		JsonNode beyond = list("project=" + project + "&size=2&page=3");

		assertThat(ids(first)).containsExactly(byAge[4], byAge[3]);
		assertThat(ids(second)).containsExactly(byAge[2], byAge[1]);
		assertThat(ids(last)).containsExactly(byAge[0]);
		assertThat(ids(beyond)).isEmpty();
		for (JsonNode page : List.of(first, second, last, beyond)) {
			assertThat(page.get("size").asInt()).isEqualTo(2);
			assertThat(page.get("total").asLong()).isEqualTo(5);
		}
		assertThat(List.of(first, second, last, beyond)).extracting((page) -> page.get("page").asInt())
			.containsExactly(0, 1, 2, 3);
		assertThat(list("project=" + project + "&size=500").get("items")).hasSize(5);
	}

	@Test
	void the_next_cursor_of_a_page_reads_the_following_page_in_the_same_order_as_page_numbers() {
		String project = project();
		String desk = desk();
		String[] byAge = new String[5];
		for (int i = 0; i < 5; i++) {
			// two clients created at the same instant: the ID orders them, across a page
			// boundary
			byAge[i] = client("Cursor", "Client" + i, project, desk, true, "Personal",
					T0.plus(Duration.ofMinutes(Math.min(i, 2))).plusNanos(123_456_000));
		}

		JsonNode first = list("project=" + project + "&size=2");
		JsonNode second = list("project=" + project + "&size=2&after=" + first.get("next").asString());
		JsonNode last = list("project=" + project + "&size=2&after=" + second.get("next").asString());

		List<String> byPageNumber = new java.util.ArrayList<>();
		for (int page = 0; page < 3; page++) {
			byPageNumber.addAll(ids(list("project=" + project + "&size=2&page=" + page)));
		}
		assertThat(byPageNumber).containsExactlyInAnyOrder(byAge);
		assertThat(List.of(first, second, last)).flatExtracting(ClientApiIT::ids)
			.containsExactlyElementsOf(byPageNumber);
		assertThat(last.get("items")).hasSize(1);
		assertThat(last.get("next").isNull()).isTrue();
		assertThat(second.get("total").asLong()).isEqualTo(5);
		assertThat(list("project=" + project + "&size=2&q=client1&after=" + first.get("next").asString()).get("items"))
			.extracting((client) -> client.get("id").asString())
			.containsExactly(byAge[1]);
	}

	@Test
	void q_finds_a_case_insensitive_part_of_the_first_name_last_name_or_email() {
		String project = project();
		String desk = desk();
		String zebulon = client("Zebulon", "Smith", project, desk, true, "Personal", T0);
		String quill = client("Peter", "Quill", project, desk, true, "Personal", T0.plusSeconds(1));
		String mailOnly = this.clients.insert("Jo", "Doe", "kwyjibo." + this.tag + "@example.com", project, desk, true,
				"Personal", T0.plusSeconds(2));

		assertThat(ids(list("project=" + project + "&q=EBUL"))).containsExactly(zebulon);
		assertThat(ids(list("project=" + project + "&q=quil"))).containsExactly(quill);
		assertThat(ids(list("project=" + project + "&q=KwYjIbO"))).containsExactly(mailOnly);
		assertThat(ids(list("project=" + project + "&q=" + encode("  zebulon  ")))).containsExactly(zebulon);
		assertThat(ids(list("project=" + project + "&q=" + encode(this.tag.toUpperCase()))))
			.containsExactlyInAnyOrder(zebulon, quill, mailOnly);
		assertThat(list("project=" + project + "&q=nobody-is-called-this").get("total").asLong()).isZero();
	}

	@Test
	void a_client_renamed_before_its_search_text_is_written_is_not_listed_under_its_old_name() {
		String project = project();
		String renamed = client("Olga", "Before" + this.tag, project, desk(), true, "Personal", T0);
		// the client changes, and its search text (written after an import) is not up to
		// date yet
		this.jdbc.sql("update clients set last_name = ? where id = ?").params("After" + this.tag, renamed).update();

		assertThat(ids(list("project=" + project + "&q=before" + this.tag))).isEmpty();
		assertThat(exportedIds("q=before" + this.tag)).isEmpty();
		this.jdbc
			.sql("update client_search set search_text = lower(? || chr(10) || ? || chr(10) || email) from clients"
					+ " where client_search.client_id = clients.id and clients.id = ?")
			.params("Olga", "After" + this.tag, renamed)
			.update();
		assertThat(ids(list("project=" + project + "&q=after" + this.tag))).containsExactly(renamed);
	}

	@Test
	void percent_underscore_and_backslash_in_q_are_searched_for_literally() {
		String project = project();
		String desk = desk();
		String percent = client("Per%cent", "Alpha", project, desk, true, "Personal", T0);
		client("Perxcent", "Beta", project, desk, true, "Personal", T0.plusSeconds(1));
		String underscore = client("Gamma", "Under_score", project, desk, true, "Personal", T0.plusSeconds(2));
		client("Delta", "Underxscore", project, desk, true, "Personal", T0.plusSeconds(3));
		String backslash = client("Epsilon", "Back\\slash", project, desk, true, "Personal", T0.plusSeconds(4));

		assertThat(ids(list("project=" + project + "&q=" + encode("r%c")))).containsExactly(percent);
		assertThat(ids(list("project=" + project + "&q=" + encode("%")))).containsExactly(percent);
		assertThat(ids(list("project=" + project + "&q=" + encode("r_s")))).containsExactly(underscore);
		assertThat(ids(list("project=" + project + "&q=" + encode("_")))).containsExactly(underscore);
		assertThat(ids(list("project=" + project + "&q=" + encode("\\")))).containsExactly(backslash);
		assertThat(ids(list("project=" + project + "&q=" + encode("k\\s")))).containsExactly(backslash);
	}

	@Test
	void the_list_filters_by_project_desk_active_and_type_alone_or_together() {
		String p1 = project();
		String p2 = project();
		String d1 = desk();
		String d2 = desk();
		String c1 = client("One", "Client", p1, d1, true, "Personal", T0);
		String c2 = client("Two", "Client", p1, d2, false, "Corporate", T0.plusSeconds(1));
		String c3 = client("Three", "Client", p2, d1, false, "Personal", T0.plusSeconds(2));
		String c4 = client("Four", "Client", p2, d2, true, "Corporate", T0.plusSeconds(3));

		assertThat(ids(list("project=" + p1))).containsExactly(c2, c1);
		assertThat(ids(list("desk=" + d1))).containsExactly(c3, c1);
		assertThat(ids(list("project=" + p1 + "&active=false"))).containsExactly(c2);
		assertThat(ids(list("project=" + p2 + "&active=true"))).containsExactly(c4);
		assertThat(ids(list("desk=" + d2 + "&type=Corporate"))).containsExactly(c4, c2);
		assertThat(ids(list("desk=" + d2 + "&type=corporate"))).containsExactly(c4, c2);
		assertThat(ids(list("desk=" + d1 + "&type=PERSONAL"))).containsExactly(c3, c1);
		assertThat(ids(list("project=" + p2 + "&desk=" + d1 + "&active=false&type=personal"))).containsExactly(c3);
		assertThat(ids(list("project=" + p2 + "&desk=" + d1 + "&q=three"))).containsExactly(c3);
		JsonNode none = list("project=" + p1 + "&active=true&type=Corporate");
		assertThat(ids(none)).isEmpty();
		assertThat(none.get("total").asLong()).isZero();
	}

	@Test
	void blank_filters_are_no_filters() {
		String project = project();
		String client = client("Blank", "Filters", project, desk(), false, "Corporate", T0);

		assertThat(ids(list("project=" + project + "&q=&desk=&type=%20"))).containsExactly(client);
	}

	@Test
	void an_invalid_page_size_or_id_filter_is_a_bad_request_naming_each() {
		assertProblems("size=0", "size");
		assertProblems("size=501", "size");
		assertProblems("page=-1", "page");
		assertProblems("project=not-an-id", "project");
		assertProblems("project=" + ObjectIds.next().toUpperCase(), "project");
		assertProblems("desk=123", "desk");
		assertProblems("page=-1&size=0&project=x&desk=y", "page", "size", "project", "desk");
		assertProblems("size=ten", "size");
		assertProblems("page=1.5", "page");
		assertProblems("active=maybe", "active");
		assertProblems("after=yesterday", "after");
		assertProblems("after=1718291162000000_" + ObjectIds.next().toUpperCase(), "after");
	}

	@Test
	void a_client_is_found_by_id_with_all_its_fields() {
		String project = project();
		String desk = desk();
		String email = "grace." + this.tag + "@example.com";
		String id = this.clients.insert("Grace", "Hopper", email, project, desk, false, "Corporate", T0);

		Api.Response response = this.api.get("/api/clients/" + id, this.agent);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		Map<String, Object> expected = new LinkedHashMap<>();
		expected.put("id", id);
		expected.put("firstName", "Grace");
		expected.put("lastName", "Hopper");
		expected.put("email", email);
		expected.put("project", project);
		expected.put("desk", desk);
		expected.put("active", false);
		expected.put("type", "Corporate");
		expected.put("created", "2024-06-13T15:06:02.000Z");
		assertThat(response.json()).isEqualTo(JSON.readTree(Api.json(expected)));
		assertThat(list("project=" + project).get("items").get(0)).isEqualTo(response.json());
	}

	@Test
	void times_are_utc_with_exactly_three_digits_of_milliseconds() {
		String project = project();
		String desk = desk();
		String millis = client("Milli", "Seconds", project, desk, true, "Personal",
				Instant.parse("2024-02-29T23:59:59.120Z"));
		String micros = client("Micro", "Seconds", project, desk, true, "Personal",
				Instant.parse("2024-03-01T00:00:00.007654Z"));

		assertThat(this.api.get("/api/clients/" + millis, this.agent).json().get("created").asString())
			.isEqualTo("2024-02-29T23:59:59.120Z");
		assertThat(this.api.get("/api/clients/" + micros, this.agent).json().get("created").asString())
			.isEqualTo("2024-03-01T00:00:00.007Z");
	}

	@Test
	void an_unknown_client_is_not_found() {
		for (String id : List.of(ObjectIds.next(), "not-an-id")) {
			Api.Response response = this.api.get("/api/clients/" + id, this.agent);
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("status").asInt()).isEqualTo(404);
			assertThat(response.json().get("title").asString()).isNotBlank();
			assertThat(response.json().get("detail").asString()).contains(id);
		}
	}

	private void assertProblems(String query, String... columns) {
		Api.Response response = this.api.get("/api/clients?" + query, this.agent);
		assertThat(response.status()).as(query).isEqualTo(400);
		assertThat(response.contentType()).as(query).startsWith("application/problem+json");
		assertThat(response.json().get("status").asInt()).isEqualTo(400);
		assertThat(response.json().get("errors").valueStream().map((error) -> error.get("column").asString())).as(query)
			.containsExactlyInAnyOrder(columns);
	}

	private String project() {
		Api.Response response = this.api.post("/api/projects", Api.json(Map.of("name", "Clients " + ObjectIds.next())),
				Login.ADMIN);
		assertThat(response.status()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private String desk() {
		Api.Response response = this.api.post("/api/desks", Api.json(Map.of("name", "Clients " + ObjectIds.next())),
				Login.ADMIN);
		assertThat(response.status()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	/** A client whose email is unique to this test and holds no letter of its names. */
	private String client(String firstName, String lastName, String project, String desk, boolean active, String type,
			Instant created) {
		return this.clients.insert(firstName, lastName, "c" + ObjectIds.next() + "." + this.tag + "@example.com",
				project, desk, active, type, created);
	}

	private JsonNode list(String query) {
		Api.Response response = this.api.get("/api/clients?" + query, this.agent);
		assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(200);
		return response.json();
	}

	private List<String> exportedIds(String query) {
		Api.Response response = this.api.get("/api/clients/export.csv?" + query, Login.ADMIN);
		assertThat(response.status()).isEqualTo(200);
		return response.body().lines().skip(1).map((line) -> line.replace("\uFEFF", "").split(",")[0]).toList();
	}

	private static List<String> ids(JsonNode page) {
		return page.get("items").valueStream().map((client) -> client.get("id").asString()).toList();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
