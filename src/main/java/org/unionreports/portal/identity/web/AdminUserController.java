package org.unionreports.portal.identity.web;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.unionreports.portal.audit.SecurityLog;
import org.unionreports.portal.identity.PortalUser;
import org.unionreports.portal.identity.Role;
import org.unionreports.portal.identity.UserAdministration;
import org.unionreports.portal.identity.UserRequestException;

/** Administration of users: list, create, change role and regions, disable and re-enable, reset a password. */
@Controller
@RequestMapping("/admin")
class AdminUserController {

	private static final int EVENTS_SHOWN = 100;

	private final UserAdministration users;

	private final SecurityLog securityLog;

	AdminUserController(UserAdministration users, SecurityLog securityLog) {
		this.users = users;
		this.securityLog = securityLog;
	}

	@ModelAttribute("roles")
	Role[] roles() {
		return Role.values();
	}

	@GetMapping("/users")
	String list(Model model) {
		model.addAttribute("users", this.users.all());
		return "admin/users";
	}

	@GetMapping("/users/new")
	String newUser(@ModelAttribute("form") UserForm form) {
		return "admin/user-new";
	}

	@PostMapping("/users")
	String create(@Valid @ModelAttribute("form") UserForm form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return "admin/user-new";
		}
		try {
			PortalUser user = this.users.create(form.toNewUser());
			redirect.addFlashAttribute("message", "user.created");
			return "redirect:/admin/users/" + user.getId();
		}
		catch (UserRequestException ex) {
			result.rejectValue(fieldOf(ex), ex.messageKey(), ex.arguments(), null);
		}
		return "admin/user-new";
	}

	@GetMapping("/users/{id}")
	String edit(@PathVariable Long id, Model model) {
		PortalUser user = this.users.find(id);
		model.addAttribute("user", user);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", UserForm.of(user));
		}
		return "admin/user-edit";
	}

	@PostMapping("/users/{id}")
	String update(@PathVariable Long id, @Valid @ModelAttribute("form") UserForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.users.changeRoleAndRegions(id, form.getRole(), form.regionCodeList());
				redirect.addFlashAttribute("message", "user.saved");
				return "redirect:/admin/users/" + id;
			}
			catch (UserRequestException ex) {
				result.rejectValue(fieldOf(ex), ex.messageKey(), ex.arguments(), null);
			}
		}
		model.addAttribute("user", this.users.find(id));
		return "admin/user-edit";
	}

	@PostMapping("/users/{id}/disable")
	String disable(@PathVariable Long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.users.disable(id), "user.disabled");
	}

	@PostMapping("/users/{id}/enable")
	String enable(@PathVariable Long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.users.enable(id), "user.enabled");
	}

	@PostMapping("/users/{id}/password")
	String resetPassword(@PathVariable Long id, @RequestParam String password, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.users.resetPassword(id, password), "user.passwordReset");
	}

	@GetMapping("/security-events")
	String events(Model model) {
		model.addAttribute("events", this.securityLog.latest(EVENTS_SHOWN));
		return "admin/security-events";
	}

	private String act(Long id, RedirectAttributes redirect, Runnable action, String done) {
		try {
			action.run();
			redirect.addFlashAttribute("message", done);
		}
		catch (UserRequestException ex) {
			redirect.addFlashAttribute("problem", ex.messageKey());
		}
		return "redirect:/admin/users/" + id;
	}

	/** The field of the user form at which a refusal is shown; what concerns the account as a whole, at the role. */
	private static String fieldOf(UserRequestException ex) {
		return switch (ex.part()) {
			case USERNAME -> "username";
			case REGIONS -> "regionCodes";
			case PASSWORD, CURRENT_PASSWORD -> "password";
			case ROLE, ACCOUNT -> "role";
		};
	}

}
