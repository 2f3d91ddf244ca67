package org.unionreports.portal.dataimport;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;

/**
 * The encoding of a text file: UTF-8 with or without a byte-order mark, or what Excel in China writes
 * (GB18030, of which GBK is a part), or Big5. UTF-8 is taken when the bytes are valid UTF-8; otherwise
 * ICU's detector decides among the Chinese encodings, GB18030 when it cannot tell.
 */
public final class FileEncoding {

	public static final Charset GB18030 = Charset.forName("GB18030");

	private FileEncoding() {
	}

	public static Charset detect(byte[] bytes) {
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
			return StandardCharsets.UTF_8;
		}
		if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
			return StandardCharsets.UTF_16LE;
		}
		if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
			return StandardCharsets.UTF_16BE;
		}
		if (isValid(bytes, StandardCharsets.UTF_8)) {
			return StandardCharsets.UTF_8;
		}
		CharsetDetector detector = new CharsetDetector();
		detector.setText(bytes);
		for (CharsetMatch match : detector.detectAll()) {
			if (match.getName().equals("Big5") && isValid(bytes, Charset.forName("Big5"))) {
				return Charset.forName("Big5");
			}
			if (match.getName().startsWith("GB")) {
				break;
			}
		}
		return GB18030;
	}

	/** The encoding a person chose ({@code UTF-8}, {@code GB18030}, {@code Big5}), or empty for "detect". */
	public static Optional<Charset> chosen(String name) {
		if (name == null || name.isBlank() || name.equalsIgnoreCase("auto")) {
			return Optional.empty();
		}
		try {
			return Optional.of(Charset.forName(name.strip()));
		}
		catch (IllegalArgumentException unknown) {
			return Optional.empty(); // an encoding this Java does not know: detect instead
		}
	}

	private static boolean isValid(byte[] bytes, Charset charset) {
		try {
			charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
