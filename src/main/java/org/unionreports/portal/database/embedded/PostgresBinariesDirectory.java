package org.unionreports.portal.database.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

/**
 * Where zonky unpacks the PostgreSQL programs: {@code <dataDir>/postgres-binaries}, made with mode 0700.
 * <p>
 * zonky's default is {@code embedded-pg} under the system temporary directory, which it makes writable by
 * everyone, without the sticky bit: any local user could replace {@code bin/postgres} and run code as the
 * portal's user. zonky also makes its working directory writable by everyone itself, so it works in
 * {@code unpacked/} inside the private directory, which nobody else may even enter.
 */
final class PostgresBinariesDirectory {

	static final String DIRECTORY_NAME = "postgres-binaries";

	/**
	 * zonky reads this property when a builder is made, for the directory it scans for stale clusters of its
	 * own (and would stop and delete them): kept away from the shared temporary directory too.
	 */
	private static final String ZONKY_WORKING_DIRECTORY = "ot.epg.working-dir";

	private static final Set<PosixFilePermission> OTHERS_WRITE = EnumSet.of(PosixFilePermission.GROUP_WRITE,
			PosixFilePermission.OTHERS_WRITE);

	private static final Set<PosixFilePermission> GROUP_AND_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
			PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

	private final Path directory;

	private PostgresBinariesDirectory(Path directory) {
		this.directory = directory;
	}

	/**
	 * The private directory in {@code dataDirectory}, made if missing; one that others could enter or change
	 * is emptied and made again, since its programs can no longer be trusted.
	 */
	static PostgresBinariesDirectory in(Path dataDirectory) {
		Path directory = dataDirectory.resolve(DIRECTORY_NAME);
		try {
			if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS) && !isPrivate(directory)) {
				deleteTree(directory);
			}
			if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
				if (isPosix(dataDirectory)) {
					Files.createDirectory(directory,
							PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
				}
				else {
					Files.createDirectory(directory);
				}
			}
			return new PostgresBinariesDirectory(directory);
		}
		catch (IOException ex) {
			throw new EmbeddedDatabaseException("The portal cannot make the directory " + directory
					+ " for the PostgreSQL programs (" + ex.getMessage() + ").",
					"Make the data directory writable, or set PORTAL_DATA_DIR.", ex);
		}
	}

	Path directory() {
		return this.directory;
	}

	Path workingDirectory() {
		return this.directory.resolve("unpacked");
	}

	/**
	 * A zonky builder that unpacks into this directory and never looks into the shared one. zonky keeps the
	 * directory it unpacked to for each binary resolver, whatever working directory a later builder names:
	 * a resolver of this directory's own makes it unpack here, not reuse programs unpacked elsewhere.
	 */
	EmbeddedPostgres.Builder builder() {
		EmbeddedPostgres.Builder builder = withZonkyWorkingDirectory(workingDirectory(), EmbeddedPostgres::builder);
		return builder.setOverrideWorkingDirectory(workingDirectory().toFile())
			.setPgBinaryResolver(new ResolverFor(this.directory));
	}

	/**
	 * Takes back the write permission zonky gives everyone on its working directory, and any a loose umask
	 * gave group or others on what it unpacked. Nobody else could reach them (the directory above is 0700);
	 * this keeps the tree plainly private.
	 */
	void tighten() {
		if (!isPosix(this.directory) || !Files.isDirectory(workingDirectory(), LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try {
			Files.setPosixFilePermissions(workingDirectory(), PosixFilePermissions.fromString("rwx------"));
			Files.walkFileTree(workingDirectory(), new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
					removeOthersWrite(dir);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
					if (attributes.isRegularFile()) {
						removeOthersWrite(file);
					}
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			throw new EmbeddedDatabaseException("The portal cannot make the PostgreSQL programs in " + this.directory
					+ " private (" + ex.getMessage() + ").", "Make the data directory the portal's own, or set PORTAL_DATA_DIR.",
					ex);
		}
	}

	private static void removeOthersWrite(Path path) throws IOException {
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
		if (permissions.removeAll(OTHERS_WRITE)) {
			Files.setPosixFilePermissions(path, permissions);
		}
	}

	private static synchronized EmbeddedPostgres.Builder withZonkyWorkingDirectory(Path directory,
			Supplier<EmbeddedPostgres.Builder> builder) {
		String previous = System.getProperty(ZONKY_WORKING_DIRECTORY);
		System.setProperty(ZONKY_WORKING_DIRECTORY, directory.toString());
		try {
			return builder.get();
		}
		finally {
			if (previous != null) {
				System.setProperty(ZONKY_WORKING_DIRECTORY, previous);
			}
			else {
				System.clearProperty(ZONKY_WORKING_DIRECTORY);
			}
		}
	}

	private static boolean isPrivate(Path directory) throws IOException {
		if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
			return false;
		}
		if (!isPosix(directory)) {
			return true;
		}
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS);
		return permissions.stream().noneMatch(GROUP_AND_OTHERS::contains);
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
			Files.delete(root);
			return;
		}
		Files.walkFileTree(root, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				Files.delete(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path dir, IOException ex) throws IOException {
				if (ex != null) {
					throw ex;
				}
				Files.delete(dir);
				return FileVisitResult.CONTINUE;
			}

		});
	}

	/** zonky's own resolver, as a key of its cache that is equal only for the same directory. */
	private record ResolverFor(Path directory) implements PgBinaryResolver {

		@Override
		public InputStream getPgBinary(String system, String machineHardware) throws IOException {
			return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
		}

	}

	private static boolean isPosix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

}
