package io.clientdesk.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	/**
	 * The login page; {@code throttled} is the seconds to wait that
	 * {@link LoginFailureHandler} sends. Anybody can make such a link, so only a plain
	 * number of seconds is shown, never the parameter's text.
	 */
	@GetMapping("/login")
	String login(@RequestParam(name = "throttled", required = false) String throttled, Model model) {
		if (throttled != null && throttled.matches("[0-9]{1,6}")) {
			model.addAttribute("retryAfterSeconds", Integer.parseInt(throttled));
		}
		return "security/login";
	}

}
