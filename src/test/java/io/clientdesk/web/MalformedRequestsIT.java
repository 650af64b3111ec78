package io.clientdesk.web;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.clientdesk.support.Api;
import io.clientdesk.support.Api.Login;
import io.clientdesk.support.IntegrationTest;
import io.clientdesk.support.Multipart;
import io.clientdesk.support.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests a fuzzer sends: each is a 4xx problem document on the API, never a 500 or a
 * page of the server's own.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestsIT {

	@Autowired
	Api api;

	@Test
	void a_multipart_upload_without_a_boundary_is_a_bad_request_problem() {
		Api.Response response = this.api.send("POST", "/api/imports",
				BodyPublishers
					.ofString("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n"
							+ "email\r\na@example.com\r\n--x--\r\n"),
				"multipart/form-data", Login.ADMIN);

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).contains("boundary");
		assertThat(response.body()).doesNotContain("Exception");
	}

	@Test
	void a_nul_in_the_uploaded_file_name_is_a_bad_request_problem_naming_the_file_name() {
		Multipart multipart = Multipart.file("file", "clients\u0000.csv", "email\r\na@example.com\r\n".getBytes());
		Api.Response response = this.api.send("POST", "/api/imports", multipart.publisher(), multipart.contentType(),
				Login.ADMIN);

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).contains("file name");
		assertThat(response.body()).doesNotContain("Exception");
	}

	@Test
	void the_import_dialog_answers_an_upload_it_cannot_read_with_the_reason_not_an_error_page() {
		WebSession browser = WebSession.logIn(this.api, Login.ADMIN);
		HttpResponse<String> answer = browser.upload("/imports", "clients\u0000.csv",
				"email\r\na@example.com\r\n".getBytes(StandardCharsets.UTF_8), Map.of(), true);

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
		assertThat(answer.body()).contains("The upload could not be read").doesNotContain("Exception");
	}

	@Test
	void a_nul_in_a_login_name_is_a_failed_login_without_a_stack_trace(CapturedOutput output) {
		int before = output.getAll().length();
		Api.Response basic = this.api.get("/api/projects", new Login("ad\u0000min", "whatever"));
		assertThat(basic.status()).isEqualTo(401);
		assertThat(basic.contentType()).startsWith("application/problem+json");

		WebSession browser = WebSession.open(this.api);
		HttpResponse<String> form = browser.submitForm("/login",
				Map.of("username", "ad\u0000min", "password", "whatever", "_csrf", browser.csrfTokenOfLoginForm()));
		assertThat(form.statusCode()).isEqualTo(302);
		assertThat(form.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).contains("error"));

		assertThat(output.getAll().substring(before)).doesNotContain("\tat ").doesNotContain("ERROR");
	}

	@Test
	void an_encoded_slash_backslash_or_nul_in_an_api_path_is_a_bad_request_problem() {
		for (String path : List.of("/api/imports/a%2Fb", "/api/imports/a%5Cb", "/api/imports/a%00b")) {
			Api.Response response = this.api.get(path, Login.ADMIN);

			assertThat(response.status()).as(path).isEqualTo(400);
			assertThat(response.contentType()).as(path).startsWith("application/problem+json");
			assertThat(response.json().get("status").asInt()).as(path).isEqualTo(400);
			assertThat(response.json().get("detail").asString()).as(path).contains("not allowed in a path");
			assertThat(response.body()).as(path).doesNotContain("<html").doesNotContain("Exception");
		}
	}

}
