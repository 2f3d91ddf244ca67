package org.unionreports.portal.identity;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads a user for sign-in; usernames are matched without regard to case. */
@Service
class PortalUserDetailsService implements UserDetailsService {

	private final UserRepository users;

	PortalUserDetailsService(UserRepository users) {
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		PortalUser user = this.users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
		return User.withUsername(user.getUsername())
			.password(user.getPasswordHash())
			.authorities(user.getRole().authority())
			.disabled(!user.isEnabled())
			.build();
	}

}
