package org.unionreports.portal.dataimport;

import java.io.IOException;

/**
 * A file the import cannot read at all, with the message key of the sentence that tells its uploader why;
 * the exception's own message (what POI or the zip reader said) is for the log only, never for an answer.
 */
public final class UnreadableFileException extends IOException {

	static final String XLSX = "import.unreadable.xlsx";

	static final String ZIP_BOMB = "import.unreadable.zipBomb";

	static final String NO_SHEET = "import.unreadable.noSheet";

	private final String messageKey;

	UnreadableFileException(String messageKey, String internal) {
		super(internal);
		this.messageKey = messageKey;
	}

	UnreadableFileException(String messageKey, String internal, Throwable cause) {
		super(internal, cause);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return this.messageKey;
	}

}
