package org.unionreports.portal.database.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * The password of the embedded server's superuser, made at first start and kept beside the cluster in
 * {@code <dataDir>/postgres-password}, readable by the portal's own user only. The file holds the password
 * alone on its first line, which is also what {@code initdb --pwfile} reads.
 */
final class EmbeddedDatabasePassword {

	static final String FILE_NAME = "postgres-password";

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Path file;

	private final String value;

	private EmbeddedDatabasePassword(Path file, String value) {
		this.file = file;
		this.value = value;
	}

	static Path fileIn(Path dataDirectory) {
		return dataDirectory.resolve(FILE_NAME);
	}

	static boolean existsIn(Path dataDirectory) {
		return Files.exists(fileIn(dataDirectory), LinkOption.NOFOLLOW_LINKS);
	}

	/** Reads the password kept in {@code dataDirectory}, making one first if there is none. */
	static EmbeddedDatabasePassword readOrCreate(Path dataDirectory) {
		Path file = fileIn(dataDirectory);
		try {
			if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
				create(file);
			}
			return read(file);
		}
		catch (IOException ex) {
			throw new EmbeddedDatabaseException("The portal cannot keep the embedded database's password in " + file
					+ " (" + ex.getMessage() + ").",
					"Make the data directory writable by the portal's user only, or set PORTAL_DATA_DIR.", ex);
		}
	}

	Path file() {
		return this.file;
	}

	String value() {
		return this.value;
	}

	/** The password as a string literal of SQL (standard_conforming_strings is on, as by default). */
	String sqlLiteral() {
		return "'" + this.value.replace("'", "''") + "'";
	}

	@Override
	public String toString() {
		return "password in " + this.file;
	}

	/**
	 * Written to a file that is created with mode 0600 (never readable by others, not even for a moment),
	 * forced to disk, then moved into place: a crash leaves either no password file or a whole one.
	 */
	private static void create(Path file) throws IOException {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Path draft = file.resolveSibling(file.getFileName() + ".new");
		Files.deleteIfExists(draft);
		try (FileChannel channel = FileChannel.open(draft,
				// CREATE_NEW also refuses a symbolic link put in its place
				EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
				ownerOnly(draft))) {
			channel.write(ByteBuffer.wrap((password + "\n").getBytes(StandardCharsets.US_ASCII)));
			channel.force(true);
		}
		try {
			Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException ex) {
			Files.deleteIfExists(draft);
		}
	}

	private static FileAttribute<?>[] ownerOnly(Path file) {
		return isPosix(file) ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_ONLY) }
				: new FileAttribute<?>[0];
	}

	private static EmbeddedDatabasePassword read(Path file) throws IOException {
		if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
			throw new EmbeddedDatabaseException("The embedded database's password file " + file
					+ " is not a regular file.", "Remove it; the portal then makes a new password.", null);
		}
		if (isPosix(file)) {
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
			if (!OWNER_ONLY.containsAll(permissions)) {
				throw new EmbeddedDatabaseException("The embedded database's password file " + file
						+ " may be read or changed by other users (mode "
						+ PosixFilePermissions.toString(permissions) + ").",
						"Make it readable by the portal's user only (chmod 600 " + file + ") and start again.", null);
			}
		}
		String content = Files.readString(file, StandardCharsets.US_ASCII);
		int end = content.indexOf('\n');
		String password = (end >= 0) ? content.substring(0, end) : content;
		if (password.isBlank()) {
			throw new EmbeddedDatabaseException("The embedded database's password file " + file + " is empty.",
					"Restore it from a backup of the data directory.", null);
		}
		return new EmbeddedDatabasePassword(file, password);
	}

	private static boolean isPosix(Path file) {
		return file.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

}
