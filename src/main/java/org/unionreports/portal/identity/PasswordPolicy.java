package org.unionreports.portal.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.StandardKeyboards;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters, at most {@value #MAX_LENGTH}, and
 * not guessable. Guessability is zxcvbn's estimate, which knows the common password lists, keyboard
 * walks, dates and repeats, and is told the username so that a password built on it scores low. Its own
 * dictionaries are English; {@link ChinesePasswordWords} adds the words Chinese users build passwords on
 * (woaini1314520, zhangwei123456, Xinjiang@2023, gonghui2024!).
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 10;

	public static final int MAX_LENGTH = 128;

	/** zxcvbn's scale runs 0..4; 3 is "safely unguessable: moderate protection from offline attacks". */
	private static final int MIN_SCORE = 3;

	private static final Logger log = LoggerFactory.getLogger(PasswordPolicy.class);

	/** Built once: loading the dictionaries takes a moment, measuring a password then a millisecond or two. */
	private final Zxcvbn zxcvbn;

	public PasswordPolicy() {
		long started = System.nanoTime();
		try {
			this.zxcvbn = new ZxcvbnBuilder().dictionaries(StandardDictionaries.loadAllDictionaries())
				.dictionaries(ChinesePasswordWords.dictionaries())
				.keyboards(StandardKeyboards.loadAllKeyboards())
				.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot load the password dictionaries", ex);
		}
		log.debug("Password dictionaries loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

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
