package org.unionreports.portal.identity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpSession;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import org.unionreports.portal.audit.SecurityEventType;
import org.unionreports.portal.audit.SecurityLog;
import org.unionreports.portal.identity.UserRequestException.Part;
import org.unionreports.portal.region.Region;
import org.unionreports.portal.region.RegionTree;
import org.unionreports.portal.shared.NotFoundException;

/**
 * Creating and changing users: administrators create, disable, re-enable users, set their role and
 * regions and reset passwords; every user changes their own password. Each change is a security event.
 * Being an administrator is read from the database for every call ({@code @access.isAdmin()}), so a
 * disabled or demoted administrator's open session can do nothing more; and a change to a user's rights
 * or password ends that user's other open sessions ({@link RightsChanged}).
 */
@Service
@Transactional
public class UserAdministration {

	private final UserRepository users;

	private final RegionTree regions;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy;

	private final SecurityLog securityLog;

	private final ApplicationEventPublisher events;

	UserAdministration(UserRepository users, RegionTree regions, PasswordEncoder passwordEncoder,
			PasswordPolicy passwordPolicy, SecurityLog securityLog, ApplicationEventPublisher events) {
		this.events = events;
		this.users = users;
		this.regions = regions;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.securityLog = securityLog;
	}

	/** What an administrator gives to create a user. */
	public record NewUser(String username, String password, Role role, List<String> regionCodes) {
	}

	@PreAuthorize("@access.isAdmin()")
	public PortalUser create(NewUser request) {
		String username = request.username() == null ? "" : request.username().strip();
		if (!isValidUsername(username)) {
			throw new UserRequestException(Part.USERNAME, "user.username.invalid");
		}
		if (this.users.findByUsername(username).isPresent()) {
			throw new UserRequestException(Part.USERNAME, "user.username.taken");
		}
		if (request.role() == null) {
			throw new UserRequestException(Part.ROLE, "user.role.required");
		}
		Set<Region> regions = regions(request.regionCodes(), request.role());
		checkPassword(request.password(), username);
		PortalUser user = this.users.save(new PortalUser(username, this.passwordEncoder.encode(request.password()),
				request.role(), regions));
		this.securityLog.record(SecurityEventType.USER_CREATED, username,
				"role " + request.role() + ", regions " + codes(regions));
		return user;
	}

	/** Letters, digits and {@code ._@-}, 3 to 64 of them, beginning with a letter or digit (as the schema checks). */
	static boolean isValidUsername(String username) {
		return username.matches("[A-Za-z0-9][A-Za-z0-9._@-]{2,63}");
	}

	/**
	 * The first administrator, made at start-up; not an administrator's action, so not guarded. A generated
	 * password must be changed at the first sign-in.
	 */
	PortalUser createFirstAdministrator(String username, String password, boolean generated) {
		PortalUser administrator = new PortalUser(username, this.passwordEncoder.encode(password), Role.ADMIN,
				Set.of(this.regions.national()));
		if (generated) {
			administrator.requirePasswordChange();
		}
		PortalUser user = this.users.save(administrator);
		this.securityLog.record(SecurityEventType.USER_CREATED, "system", username, null,
				"first administrator, regions " + Region.NATIONAL_CODE);
		return user;
	}

	/**
	 * The scraper's account from the settings at start-up (PORTAL_METRICS_USERNAME, PORTAL_METRICS_PASSWORD);
	 * not an administrator's action, so not guarded.
	 */
	PortalUser createMetricsAccount(String username, String password) {
		PortalUser user = this.users.save(new PortalUser(username, this.passwordEncoder.encode(password), Role.METRICS,
				Set.of()));
		this.securityLog.record(SecurityEventType.USER_CREATED, "system", username, null, "metrics account");
		return user;
	}

	@PreAuthorize("@access.isAdmin()")
	public void changeRoleAndRegions(Long userId, Role role, List<String> regionCodes) {
		PortalUser user = load(userId);
		if (role == null) {
			throw new UserRequestException(Part.ROLE, "user.role.required");
		}
		Set<Region> regions = regions(regionCodes, role);
		if (user.getRole() != role) {
			if (user.getRole() == Role.ADMIN) {
				refuseToRemoveLastAdministrator(user);
			}
			this.securityLog.record(SecurityEventType.ROLE_CHANGED, user.getUsername(), user.getRole() + " → " + role);
			user.changeRole(role);
			rightsChanged(user);
		}
		if (!codes(user.getRegions()).equals(codes(regions))) {
			this.securityLog.record(SecurityEventType.REGIONS_CHANGED, user.getUsername(),
					codes(user.getRegions()) + " → " + codes(regions));
			user.replaceRegions(regions);
			rightsChanged(user);
		}
	}

	@PreAuthorize("@access.isAdmin()")
	public void disable(Long userId) {
		PortalUser user = load(userId);
		if (user.getUsername().equalsIgnoreCase(currentUsername())) {
			throw new UserRequestException(Part.ACCOUNT, "user.disable.self");
		}
		if (user.getRole() == Role.ADMIN) {
			refuseToRemoveLastAdministrator(user);
		}
		if (user.isEnabled()) {
			user.setEnabled(false);
			this.securityLog.record(SecurityEventType.USER_DISABLED, user.getUsername(), null);
			rightsChanged(user);
		}
	}

	@PreAuthorize("@access.isAdmin()")
	public void enable(Long userId) {
		PortalUser user = load(userId);
		if (!user.isEnabled()) {
			user.setEnabled(true);
			this.securityLog.record(SecurityEventType.USER_ENABLED, user.getUsername(), null);
		}
	}

	@PreAuthorize("@access.isAdmin()")
	public void resetPassword(Long userId, String newPassword) {
		PortalUser user = load(userId);
		checkPassword(newPassword, user.getUsername());
		user.changePassword(this.passwordEncoder.encode(newPassword));
		if (!user.getUsername().equalsIgnoreCase(currentUsername())) {
			user.requirePasswordChange(); // the administrator knows it: the user must choose their own
		}
		this.securityLog.record(SecurityEventType.PASSWORD_RESET, user.getUsername(), null);
		rightsChanged(user);
	}

	/** The signed-in user changes their own password, proving they know the current one. */
	@PreAuthorize("@access.scope().isPresent()")
	public void changeOwnPassword(String currentPassword, String newPassword) {
		PortalUser user = this.users.findByUsername(currentUsername())
			.orElseThrow(() -> new NotFoundException("user " + currentUsername()));
		if (currentPassword == null || !this.passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
			throw new UserRequestException(Part.CURRENT_PASSWORD, "password.currentWrong");
		}
		checkPassword(newPassword, user.getUsername());
		if (user.isPasswordMustChange() && this.passwordEncoder.matches(newPassword, user.getPasswordHash())) {
			throw new UserRequestException(Part.PASSWORD, "password.unchanged");
		}
		user.changePassword(this.passwordEncoder.encode(newPassword));
		this.securityLog.record(SecurityEventType.PASSWORD_CHANGED, user.getUsername(), null);
		rightsChanged(user);
	}

	@PreAuthorize("@access.isAdmin()")
	@Transactional(readOnly = true)
	public List<PortalUser> all() {
		return this.users.findAllWithRegions();
	}

	@PreAuthorize("@access.isAdmin()")
	@Transactional(readOnly = true)
	public PortalUser find(Long userId) {
		return load(userId);
	}

	@Transactional(readOnly = true)
	public boolean anyUserExists() {
		return this.users.count() > 0;
	}

	@Transactional(readOnly = true)
	public boolean exists(String username) {
		return this.users.findByUsername(username).isPresent();
	}

	/**
	 * Ends the user's open sessions after the change commits: all of them, or all but the one the change
	 * was made in when users change themselves (their own password), who stay signed in where they are.
	 */
	private void rightsChanged(PortalUser user) {
		String kept = null;
		if (user.getUsername().equalsIgnoreCase(currentUsername())
				&& RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpSession session = attributes.getRequest().getSession(false);
			kept = session == null ? null : session.getId();
		}
		this.events.publishEvent(new RightsChanged(user.getUsername(), kept));
	}

	private void checkPassword(String password, String username) {
		this.passwordPolicy.problem(password, username).ifPresent(problem -> {
			throw new UserRequestException(Part.PASSWORD, problem);
		});
	}

	/** The regions of these codes; none for the scraper's account, whose role holds no region. */
	private Set<Region> regions(List<String> codes, Role role) {
		Set<Region> found = new LinkedHashSet<>();
		for (String code : codes == null ? List.<String>of() : codes) {
			if (code == null || code.isBlank()) {
				continue;
			}
			found.add(this.regions.find(code.strip())
				.orElseThrow(() -> new UserRequestException(Part.REGIONS, "user.region.unknown", code.strip())));
		}
		if (role == Role.METRICS && !found.isEmpty()) {
			throw new UserRequestException(Part.REGIONS, "user.region.metrics");
		}
		return found;
	}

	private void refuseToRemoveLastAdministrator(PortalUser user) {
		long otherAdministrators = this.users.findAllWithRegions()
			.stream()
			.filter(other -> other.getRole() == Role.ADMIN && other.isEnabled() && !other.getId().equals(user.getId()))
			.count();
		if (otherAdministrators == 0) {
			throw new UserRequestException(Part.ACCOUNT, "user.lastAdministrator");
		}
	}

	private PortalUser load(Long userId) {
		return this.users.findById(userId).orElseThrow(() -> new NotFoundException("user " + userId));
	}

	private static String codes(Set<Region> regions) {
		return regions.stream().map(Region::getCode).sorted().collect(Collectors.joining(",", "[", "]"));
	}

	private static String currentUsername() {
		return SecurityContextHolder.getContext().getAuthentication().getName();
	}

}
