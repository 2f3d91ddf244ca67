package org.unionreports.portal.dataimport;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import org.unionreports.portal.report.ReportEntry;

/**
 * Imports a figure file (CSV in UTF-8, GB18030 or Big5, or XLSX) into a report: a dry run reads and checks
 * every row and writes nothing; an import writes all of it or, with one bad row, nothing. Figures already
 * there under the same metric, period and target flag are replaced, so the same file twice changes nothing.
 */
@Service
public class FigureImport {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FigureImport.class);

	private final FigureFileReader reader;

	private final ReportEntry entry;

	FigureImport(FigureFileReader reader, ReportEntry entry) {
		this.reader = reader;
		this.entry = entry;
	}

	/** A file as uploaded: its name, its bytes, and the encoding chosen for it ({@code auto} to detect). */
	public record Upload(String filename, byte[] bytes, String encoding) {

		boolean isXlsx() {
			boolean zip = this.bytes.length > 3 && this.bytes[0] == 'P' && this.bytes[1] == 'K' && this.bytes[2] == 3
					&& this.bytes[3] == 4;
			return zip || (this.filename != null && this.filename.toLowerCase(Locale.ROOT).endsWith(".xlsx"));
		}

	}

	/** What an import found: the sheet as read, the encoding used (none for XLSX), and what was written. */
	public record Result(FigureSheet sheet, Charset encoding, boolean written) {

		public int accepted() {
			return this.sheet.figures().size();
		}

		public long rejected() {
			return this.sheet.rejectedRows();
		}

		/** The encoding's name, or null for an Excel file (templates cannot reach the JDK's charset classes). */
		public String encodingName() {
			return this.encoding == null ? null : this.encoding.name();
		}

	}

	/** Reads and checks the file, writing nothing. */
	@PreAuthorize("@reportAccess.canEdit(#reportId)")
	public Result check(Long reportId, Upload upload) {
		return read(upload);
	}

	/** Reads and checks the file, and stores its figures if not one row has a problem. */
	@PreAuthorize("@reportAccess.canEdit(#reportId)")
	public Result apply(Long reportId, Upload upload) {
		long start = System.nanoTime();
		Result result = read(upload);
		if (!result.sheet().isValid()) {
			return result;
		}
		long read = System.nanoTime();
		this.entry.storeFigures(reportId, result.sheet().figures());
		log.info("Imported {} figures into report {}: read in {} ms, stored in {} ms", result.accepted(), reportId,
				(read - start) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
		return new Result(result.sheet(), result.encoding(), true);
	}

	private Result read(Upload upload) {
		if (upload.bytes().length == 0) {
			return new Result(FigureFileReader.unreadable("the file is empty"), null, false);
		}
		try {
			if (upload.isXlsx()) {
				return new Result(this.reader.read(FigureTable.xlsx(upload.bytes())), null, false);
			}
			Charset charset = FileEncoding.chosen(upload.encoding()).orElseGet(() -> FileEncoding.detect(upload.bytes()));
			return new Result(this.reader.read(FigureTable.csv(upload.bytes(), charset)), charset, false);
		}
		catch (IOException ex) {
			return new Result(FigureFileReader.unreadable(ex.getMessage()), null, false);
		}
	}

}
