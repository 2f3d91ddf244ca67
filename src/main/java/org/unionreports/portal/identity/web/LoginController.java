package org.unionreports.portal.identity.web;

import java.time.Instant;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.unionreports.portal.identity.LoginPage;
import org.unionreports.portal.shared.web.FigureText;

@Controller
class LoginController {

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, HttpSession session, Model model) {
		if (error != null) {
			model.addAttribute("error", switch (error) {
				case "locked" -> "login.error.locked";
				case "disabled" -> "login.error.disabled";
				default -> "login.error.bad";
			});
			if (session.getAttribute(LoginPage.LOCKED_UNTIL) instanceof Instant until) {
				model.addAttribute("lockedUntil",
						until.atZone(FigureText.CHINA).toLocalTime().withNano(0).withSecond(0).toString());
			}
			model.addAttribute("username", session.getAttribute(LoginPage.LAST_USERNAME));
		}
		return "login";
	}

}
