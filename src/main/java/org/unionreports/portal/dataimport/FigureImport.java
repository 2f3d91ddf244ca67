package org.unionreports.portal.dataimport;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import org.unionreports.portal.report.FigureInput;
import org.unionreports.portal.report.FigureRules;
import org.unionreports.portal.report.ReportEntry;
import org.unionreports.portal.report.ReportRevisions;
import org.unionreports.portal.report.StoreResult;

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

	private final FigureRules rules;

	private final MessageSource messages;

	private final Rehearsal rehearsal;

	private final ReportRevisions revisions;

	private final MeterRegistry meters;

	FigureImport(FigureFileReader reader, ReportEntry entry, FigureRules rules, MessageSource messages,
			Rehearsal rehearsal, ReportRevisions revisions, MeterRegistry meters) {
		this.reader = reader;
		this.entry = entry;
		this.rules = rules;
		this.messages = messages;
		this.rehearsal = rehearsal;
		this.revisions = revisions;
		this.meters = meters;
	}

	/** A file as uploaded: its name, its bytes, and the encoding chosen for it ({@code auto} to detect). */
	public record Upload(String filename, byte[] bytes, String encoding) {

		boolean isXlsx() {
			boolean zip = this.bytes.length > 3 && this.bytes[0] == 'P' && this.bytes[1] == 'K' && this.bytes[2] == 3
					&& this.bytes[3] == 4;
			return zip || (this.filename != null && this.filename.toLowerCase(Locale.ROOT).endsWith(".xlsx"));
		}

	}

	/**
	 * What an import found: the sheet as read, the encoding used (none for XLSX), whether it was written, and
	 * what the store did (or, on a dry run, would do) with each figure; null when a row has a problem.
	 */
	public record Result(FigureSheet sheet, Charset encoding, boolean written, StoreResult stored) {

		Result(FigureSheet sheet, Charset encoding, boolean written) {
			this(sheet, encoding, written, null);
		}

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

	/** Reads and checks the file, and says what storing it would do, writing nothing. */
	@PreAuthorize("@reportAccess.canEdit(#reportId)")
	public Result check(Long reportId, Upload upload) {
		return timed("check", upload, () -> {
			long start = System.nanoTime();
			Result result = read(upload);
			if (!result.sheet().isValid()) {
				return result;
			}
			long read = System.nanoTime();
			// A published report's figures change only as a revision a leader approves: rehearse that.
			StoreResult wouldStore = this.revisions.needsApproval(reportId)
					? this.revisions.preview(reportId, result.sheet().figures(), List.of()).stored()
					: this.rehearsal.rolledBack(() -> this.entry.storeFigures(reportId, result.sheet().figures()));
			log.info("Checked {} figures for report {}: read in {} ms, rehearsed in {} ms", result.accepted(), reportId,
					(read - start) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
			return new Result(result.sheet(), result.encoding(), false, wouldStore);
		}, result -> result.sheet().isValid());
	}

	/** Reads and checks the file, and stores its figures if not one row has a problem. */
	@PreAuthorize("@reportAccess.canEdit(#reportId)")
	public Result apply(Long reportId, Upload upload) {
		return timed("apply", upload, () -> {
			long start = System.nanoTime();
			Result result = read(upload);
			if (!result.sheet().isValid()) {
				return result;
			}
			long read = System.nanoTime();
			StoreResult stored = this.entry.storeFigures(reportId, result.sheet().figures());
			log.info("Imported {} figures into report {}: read in {} ms, stored in {} ms", result.accepted(), reportId,
					(read - start) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
			return new Result(result.sheet(), result.encoding(), true, stored);
		}, result -> result.sheet().isValid());
	}

	/**
	 * A file for a published report, read and checked as an import is: if not one row has a problem, its
	 * figures become a revision that waits for a leader ({@link ReportRevisions#propose}); the published
	 * figures stay as they are. The revision is null when a row has a problem.
	 */
	@PreAuthorize("@reportAccess.canEdit(#reportId)")
	public Proposal propose(Long reportId, Upload upload, String reason) {
		return timed("propose", upload, () -> {
			Result result = read(upload);
			if (!result.sheet().isValid()) {
				return new Proposal(result, null);
			}
			ReportRevisions.Proposed proposed = this.revisions.propose(reportId, reason, result.sheet().figures(),
					List.of());
			return new Proposal(new Result(result.sheet(), result.encoding(), false, proposed.stored()),
					proposed.revision());
		}, proposal -> proposal.result().sheet().isValid());
	}

	/** A file proposed as a revision: as read, and the revision that waits (null when a row has a problem). */
	public record Proposal(Result result, ReportRevisions.Revision revision) {
	}

	/**
	 * Times one import as {@code portal.import{mode=check|apply|propose, format=csv|xlsx,
	 * outcome=accepted|refused|error}}: refused is a file with a problem in a row, error a failure on the way
	 * (a conflict, the database away).
	 */
	private <T> T timed(String mode, Upload upload, Supplier<T> work, Predicate<T> accepted) {
		Timer.Sample sample = Timer.start(this.meters);
		String outcome = "error";
		try {
			T result = work.get();
			outcome = accepted.test(result) ? "accepted" : "refused";
			return result;
		}
		finally {
			sample.stop(Timer.builder("portal.import")
				.description("Figure files read, checked and stored (or rehearsed)")
				.tag("mode", mode)
				.tag("format", upload.isXlsx() ? "xlsx" : "csv")
				.tag("outcome", outcome)
				.register(this.meters));
		}
	}

	private Result read(Upload upload) {
		if (upload.bytes().length == 0) {
			return new Result(FigureFileReader.unreadable("the file is empty"), null, false);
		}
		try {
			if (upload.isXlsx()) {
				return new Result(checked(this.reader.read(FigureTable.xlsx(upload.bytes()))), null, false);
			}
			Charset charset = FileEncoding.chosen(upload.encoding()).orElseGet(() -> FileEncoding.detect(upload.bytes()));
			return new Result(checked(this.reader.read(FigureTable.csv(upload.bytes(), charset))), charset, false);
		}
		catch (UnreadableFileException ex) {
			// What POI said stays in the log; the uploader reads what is wrong with the file, in both languages.
			log.info("An uploaded file {} was refused as unreadable ({}): {}", printable(upload.filename()),
					ex.messageKey(), ex.getMessage());
			return new Result(FigureFileReader.unreadable(bilingual(ex.messageKey())), null, false);
		}
		catch (IOException ex) {
			return new Result(FigureFileReader.unreadable(ex.getMessage()), null, false);
		}
	}

	/** The sentence in Chinese and then in English, as an API answer and the page both show it. */
	private String bilingual(String key) {
		return this.messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE) + " / "
				+ this.messages.getMessage(key, null, Locale.ENGLISH);
	}

	private static String printable(String text) {
		return text == null ? null : text.codePoints()
			.limit(300)
			.collect(StringBuilder::new,
					(out, c) -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : Character.toString(c)),
					StringBuilder::append)
			.toString();
	}

	/**
	 * The file's figures under the same rules as the grid's: an error (a negative count, a rate over 100 %)
	 * refuses the row; a breach that can be true (a count printed with a fraction, a part above its whole)
	 * is kept only with an explanation in the row's note — then the figure is flagged as printed or as
	 * explained — and refuses the row without one. Each problem is on the line it came from.
	 */
	private FigureSheet checked(FigureSheet sheet) {
		Map<String, FigureInput> byLine = new LinkedHashMap<>();
		for (FigureSheet.Row row : sheet.rows()) {
			if (row.figure() != null) {
				byLine.put(Integer.toString(row.line()), row.figure());
			}
		}
		List<ImportProblem> problems = new ArrayList<>(sheet.problems());
		Locale locale = LocaleContextHolder.getLocale();
		Map<FigureInput, FigureInput> flagged = new java.util.IdentityHashMap<>();
		for (FigureRules.Finding finding : this.rules.errors(byLine)) {
			FigureInput figure = byLine.get(finding.field());
			String message = this.messages.getMessage(finding.messageKey(), finding.arguments().toArray(), locale);
			if (finding.warning() && figure.note() != null) {
				flagged.merge(figure, figure.withFlag(finding.flag()),
						(first, second) -> first.flag() == FigureInput.Flag.AS_PRINTED ? first : second);
				continue;
			}
			problems.add(new ImportProblem(Integer.parseInt(finding.field()), finding.warning() ? FigureFileReader.NOTE
					: FigureFileReader.VALUE,
					finding.warning() ? this.messages.getMessage("figure.rule.needsNote", new Object[] { message }, locale)
							: message));
		}
		if (problems.size() == sheet.problems().size() && flagged.isEmpty()) {
			return sheet;
		}
		problems.sort(java.util.Comparator.comparingInt(ImportProblem::line));
		List<FigureInput> figures = sheet.figures().stream().map(figure -> flagged.getOrDefault(figure, figure)).toList();
		List<FigureSheet.Row> rows = sheet.rows()
			.stream()
			.map(row -> row.figure() == null || !flagged.containsKey(row.figure()) ? row
					: new FigureSheet.Row(row.line(), row.metric(), row.value(), row.unit(), flagged.get(row.figure()),
							row.problems()))
			.toList();
		return new FigureSheet(figures, problems, rows);
	}

}
