package org.unionreports.portal.identity;

import java.util.List;
import java.util.Optional;

import com.nulabinc.zxcvbn.Zxcvbn;

import org.springframework.stereotype.Component;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters, at most {@value #MAX_LENGTH}, and
 * not guessable. Guessability is zxcvbn's estimate, which knows the common password lists, keyboard
 * walks, dates and repeats, and is told the username so that a password built on it scores low.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 10;

	public static final int MAX_LENGTH = 128;

	/** zxcvbn's scale runs 0..4; 3 is "safely unguessable: moderate protection from offline attacks". */
	private static final int MIN_SCORE = 3;

	private final Zxcvbn zxcvbn = new Zxcvbn();

	/**
	 * @return the message key of what is wrong with the password, or empty when it will do
	 */
	public Optional<String> problem(String password, String username) {
		if (password == null || password.length() < MIN_LENGTH) {
			return Optional.of("password.tooShort");
		}
		if (password.length() > MAX_LENGTH) {
			return Optional.of("password.tooLong");
		}
		if (username != null && !username.isBlank() && password.toLowerCase().contains(username.toLowerCase())) {
			return Optional.of("password.containsUsername");
		}
		if (this.zxcvbn.measure(password, username == null ? List.of() : List.of(username)).getScore() < MIN_SCORE) {
			return Optional.of("password.tooCommon");
		}
		return Optional.empty();
	}

}
