package org.unionreports.portal.identity.web;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.unionreports.portal.identity.LoginPage;
import org.unionreports.portal.web.FigureText;

@Controller
class LoginController {

	/** The session is only read, never made: opening the sign-in page costs no session row. */
	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, HttpServletRequest request, Model model) {
		HttpSession session = request.getSession(false);
		if (error != null) {
			model.addAttribute("error", switch (error) {
				case "locked" -> "login.error.locked";
				case "disabled" -> "login.error.disabled";
				case "metrics" -> "login.error.metrics";
				default -> "login.error.bad";
			});
		}
		if (error != null && session != null) {
			if (session.getAttribute(LoginPage.LOCKED_UNTIL) instanceof Instant until) {
				model.addAttribute("lockedUntil",
						until.atZone(FigureText.CHINA).toLocalTime().withNano(0).withSecond(0).toString());
			}
			model.addAttribute("username", session.getAttribute(LoginPage.LAST_USERNAME));
		}
		return "login";
	}

}
