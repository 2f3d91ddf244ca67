package org.unionreports.portal.dataimport;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an upload brings besides its bytes, checked before anything reads or keeps it: the file's name (at
 * most {@value #MAX_FILENAME} characters, no control character such as NUL, which PostgreSQL cannot store)
 * and the encoding's name (at most {@value #MAX_ENCODING} characters of those a charset's name may have).
 * A refused field is named with the sentence that says why.
 */
public final class UploadFields {

	public static final int MAX_FILENAME = 255;

	public static final int MAX_ENCODING = 32;

	/** The characters of a charset's name (java.nio.charset.Charset): letters, digits, - + . : _ */
	private static final Pattern ENCODING = Pattern.compile("[A-Za-z0-9][A-Za-z0-9+.:_-]*");

	/** A refused field: its name ({@code filename} or {@code encoding}), a message key and its arguments. */
	public record Refusal(String field, String messageKey, Object[] arguments) {
	}

	private UploadFields() {
	}

	public static Optional<Refusal> check(String filename, String encoding) {
		if (filename != null) {
			if (filename.codePointCount(0, filename.length()) > MAX_FILENAME) {
				return Optional.of(new Refusal("filename", "upload.filename.tooLong", new Object[] { MAX_FILENAME }));
			}
			if (filename.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
				return Optional.of(new Refusal("filename", "upload.filename.control", new Object[0]));
			}
		}
		if (encoding != null && !encoding.isBlank() && (encoding.length() > MAX_ENCODING || !ENCODING.matcher(encoding.strip()).matches())) {
			return Optional.of(new Refusal("encoding", "upload.encoding.invalid", new Object[] { MAX_ENCODING }));
		}
		return Optional.empty();
	}

}
