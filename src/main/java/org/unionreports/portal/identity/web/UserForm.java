package org.unionreports.portal.identity.web;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.unionreports.portal.identity.PortalUser;
import org.unionreports.portal.identity.Role;
import org.unionreports.portal.identity.UserAdministration.NewUser;
import org.unionreports.portal.region.Region;

/** An administrator's form for a user: name and password when creating, role and regions always. */
class UserForm {

	@Size(max = 64)
	private String username;

	@Size(max = 128)
	private String password;

	@NotNull
	private Role role;

	/** Region codes separated by commas, spaces or new lines: {@code 610100, 610000}. */
	@Size(max = 2000)
	private String regionCodes = "";

	static UserForm of(PortalUser user) {
		UserForm form = new UserForm();
		form.username = user.getUsername();
		form.role = user.getRole();
		form.regionCodes = user.getRegions().stream().map(Region::getCode).collect(Collectors.joining(", "));
		return form;
	}

	List<String> regionCodeList() {
		return Arrays.stream(this.regionCodes == null ? new String[0] : this.regionCodes.split("[\\s,，、;；]+"))
			.filter(code -> !code.isBlank())
			.toList();
	}

	NewUser toNewUser() {
		return new NewUser(this.username, this.password, this.role, regionCodeList());
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public Role getRole() {
		return this.role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

	public String getRegionCodes() {
		return this.regionCodes;
	}

	public void setRegionCodes(String regionCodes) {
		this.regionCodes = regionCodes;
	}

}
