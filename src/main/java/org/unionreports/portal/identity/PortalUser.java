package org.unionreports.portal.identity;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.unionreports.portal.region.Region;

/** A person who signs in: a role, the regions held, and whether the account may be used. */
@Entity
@Table(name = "app_user")
public class PortalUser {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String username;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Role role;

	@Column(nullable = false)
	private boolean enabled = true;

	/** The password was not chosen by the user (generated, or reset by an administrator): change it first. */
	@Column(name = "password_must_change", nullable = false)
	private boolean passwordMustChange;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt = Instant.now();

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt = Instant.now();

	@Version
	private long version;

	@ManyToMany
	@JoinTable(name = "user_region", joinColumns = @JoinColumn(name = "user_id"),
			inverseJoinColumns = @JoinColumn(name = "region_id"))
	@OrderBy("code")
	private Set<Region> regions = new LinkedHashSet<>();

	protected PortalUser() {
	}

	PortalUser(String username, String passwordHash, Role role, Set<Region> regions) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.role = role;
		this.regions.addAll(regions);
	}

	public Long getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	public Role getRole() {
		return this.role;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public boolean isPasswordMustChange() {
		return this.passwordMustChange;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public long getVersion() {
		return this.version;
	}

	public Set<Region> getRegions() {
		return this.regions;
	}

	/** A new password; the user's own unless {@link #requirePasswordChange()} follows. */
	void changePassword(String passwordHash) {
		this.passwordHash = passwordHash;
		this.passwordMustChange = false;
	}

	/**
	 * The password must be changed at the next sign-in; not the scraper's account's, which signs in to no
	 * page and so could never change it: its password is the one its administrator gives the scraper.
	 */
	void requirePasswordChange() {
		this.passwordMustChange = this.role != Role.METRICS;
	}

	void changeRole(Role role) {
		this.role = role;
		if (role == Role.METRICS) {
			this.passwordMustChange = false;
		}
	}

	void replaceRegions(Set<Region> regions) {
		this.regions.clear();
		this.regions.addAll(regions);
	}

	void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	@PreUpdate
	void touch() {
		this.updatedAt = Instant.now();
	}

}
