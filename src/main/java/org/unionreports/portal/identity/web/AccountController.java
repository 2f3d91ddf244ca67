package org.unionreports.portal.identity.web;

import java.security.Principal;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.unionreports.portal.identity.PasswordChangeGate;
import org.unionreports.portal.identity.UserAdministration;
import org.unionreports.portal.identity.UserRequestException;

/**
 * Every signed-in user changes their own password here; one whose password was generated or reset by an
 * administrator is held here until they have ({@link PasswordChangeGate}).
 */
@Controller
@RequestMapping("/account/password")
class AccountController {

	private final UserAdministration users;

	private final PasswordChangeGate passwordChange;

	AccountController(UserAdministration users, PasswordChangeGate passwordChange) {
		this.users = users;
		this.passwordChange = passwordChange;
	}

	@ModelAttribute("mustChange")
	boolean mustChange(Principal user) {
		return user != null && this.passwordChange.pending(user.getName());
	}

	@GetMapping
	String form(@ModelAttribute("form") PasswordChangeForm form) {
		return "account/password";
	}

	@PostMapping
	String change(@Valid @ModelAttribute("form") PasswordChangeForm form, BindingResult result,
			RedirectAttributes redirect) {
		if (!result.hasErrors() && !form.getNewPassword().equals(form.getRepeatPassword())) {
			result.rejectValue("repeatPassword", "password.mismatch");
		}
		if (result.hasErrors()) {
			return "account/password";
		}
		try {
			this.users.changeOwnPassword(form.getCurrentPassword(), form.getNewPassword());
		}
		catch (UserRequestException ex) {
			result.rejectValue(ex.part() == UserRequestException.Part.CURRENT_PASSWORD ? "currentPassword" : "newPassword",
					ex.messageKey());
			return "account/password";
		}
		redirect.addFlashAttribute("message", "password.changed");
		return "redirect:/account/password";
	}

}
