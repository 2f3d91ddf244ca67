package org.unionreports.portal.identity.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import org.unionreports.portal.identity.PortalUser;
import org.unionreports.portal.identity.Role;
import org.unionreports.portal.identity.UserAdministration;
import org.unionreports.portal.identity.UserAdministration.NewUser;
import org.unionreports.portal.identity.UserRequestException;

/** {@code POST /api/admin/users}: administrators create users (CONTRACT.md). */
@RestController
class AdminUserApiController {

	private final UserAdministration users;

	private final MessageSource messages;

	AdminUserApiController(UserAdministration users, MessageSource messages) {
		this.users = users;
		this.messages = messages;
	}

	record CreateUser(String username, String password, String role, List<String> regionCodes) {
	}

	record CreatedUser(Long id, String username, String role, List<String> regionCodes) {
	}

	@PostMapping("/api/admin/users")
	ResponseEntity<CreatedUser> create(@RequestBody CreateUser request) {
		Role role = parseRole(request.role());
		PortalUser user = this.users.create(new NewUser(request.username(), request.password(), role,
				request.regionCodes()));
		CreatedUser body = new CreatedUser(user.getId(), user.getUsername(), user.getRole().name(),
				user.getRegions().stream().map(region -> region.getCode()).toList());
		return ResponseEntity.created(URI.create("/api/admin/users/" + user.getId())).body(body);
	}

	private static Role parseRole(String role) {
		try {
			return role == null ? null : Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new UserRequestException(UserRequestException.Part.ROLE, "user.role.unknown", role);
		}
	}

	@ExceptionHandler(UserRequestException.class)
	ProblemDetail refused(UserRequestException ex, Locale locale) {
		HttpStatus status = ex.messageKey().equals("user.username.taken") ? HttpStatus.CONFLICT
				: HttpStatus.UNPROCESSABLE_CONTENT;
		return ProblemDetail.forStatusAndDetail(status, this.messages.getMessage(ex.messageKey(), ex.arguments(), locale));
	}

}
