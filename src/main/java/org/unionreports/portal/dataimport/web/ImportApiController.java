package org.unionreports.portal.dataimport.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import org.unionreports.portal.dataimport.FigureImport;
import org.unionreports.portal.dataimport.FigureImport.Result;
import org.unionreports.portal.dataimport.FigureImport.Upload;
import org.unionreports.portal.dataimport.FigureSheet;
import org.unionreports.portal.dataimport.UploadFields;
import org.unionreports.portal.dataimport.web.StoreJson.ConflictJson;
import org.unionreports.portal.report.FigureInput;
import org.unionreports.portal.report.ReportRevisions;
import org.unionreports.portal.report.RevisionConflictException;
import org.unionreports.portal.report.StoreResult;

/**
 * {@code POST /api/reports/{id}/figures/import}: a CSV body, or a multipart field {@code file} (CSV or XLSX);
 * {@code ?dryRun=true} checks only. All or nothing: with one bad row nothing is written and the answer is 422.
 * Into a published report the import is a revision that waits for a leader: it needs {@code ?reason=} and
 * answers 202 with the revision's number.
 */
@RestController
class ImportApiController {

	private final FigureImport imports;

	private final MessageSource messages;

	private final ReportRevisions revisions;

	ImportApiController(FigureImport imports, MessageSource messages, ReportRevisions revisions) {
		this.imports = imports;
		this.messages = messages;
		this.revisions = revisions;
	}

	/**
	 * The answer to an import into a published report: the revision that now waits for a leader, what it
	 * would change (old and new), and the file as read; the published figures are unchanged.
	 */
	record RevisionAnswer(int revision, String status, String reason, String location,
			List<ReportRevisions.Change> changes, Answer imported) {
	}

	record Problem(int line, String column, String message) {
	}

	/** A row's figure as stored (or, on a dry run, as it would be). */
	record StoredJson(int line, Long id, String subject, String metricKey, boolean holdsMetric, String status,
			String change, String flag) {
	}

	/** A row not stored, with the reason. */
	record NotStoredJson(int line, String reason) {
	}

	/**
	 * {@code accepted} rows read without a problem; {@code stored} of them stored (or that would be, on a dry
	 * run) — the rest are in {@code notStored}, each with its reason — and the {@code conflicts} the report
	 * has then.
	 */
	record Answer(int accepted, long rejected, List<Problem> errors, boolean dryRun, boolean written, String encoding,
			int stored, List<StoredJson> figures, List<NotStoredJson> notStored, List<ConflictJson> conflicts) {

		static Answer of(Result result, boolean dryRun, MessageSource messages) {
			List<Problem> problems = result.sheet().problems().stream()
				.map(p -> new Problem(p.line(), p.column(), p.message()))
				.toList();
			String encoding = result.encoding() == null ? null : result.encoding().name();
			StoreResult stored = result.stored();
			if (stored == null) {
				return new Answer(result.accepted(), result.rejected(), problems, dryRun, result.written(), encoding, 0,
						List.of(), List.of(), List.of());
			}
			Locale locale = LocaleContextHolder.getLocale();
			List<Integer> lines = result.sheet().rows().stream()
				.filter(row -> row.figure() != null)
				.map(FigureSheet.Row::line)
				.toList();
			List<FigureInput> inputs = result.sheet().figures();
			List<StoredJson> figures = stored.figures().stream()
				.map(f -> new StoredJson(lines.get(f.input()), dryRun ? null : f.figureId(), f.subject(),
						f.metric() == null ? null : f.metric().getKey(), f.holdsMetric(),
						f.inConflict() ? "conflict" : "stored", f.change().name().toLowerCase(),
						inputs.get(f.input()).flag() == null ? null : inputs.get(f.input()).flag().code()))
				.toList();
			List<NotStoredJson> notStored = stored.notStored().stream()
				.map(n -> new NotStoredJson(lines.get(n.input()), StoreJson.reason(n, messages, locale)))
				.toList();
			return new Answer(result.accepted(), result.rejected(), problems, dryRun, result.written(), encoding,
					figures.size(), figures, notStored, ConflictJson.of(stored.conflicts(), messages, locale));
		}

	}

	@PostMapping(path = "/api/reports/{id}/figures/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> importFile(@PathVariable Long id, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "auto") String encoding,
			@RequestParam(required = false) String reason) throws IOException {
		Optional<UploadFields.Refusal> refused = UploadFields.check(file.getOriginalFilename(), encoding);
		if (refused.isPresent()) {
			return refusal(refused.get());
		}
		return answer(id, new Upload(file.getOriginalFilename(), file.getBytes(), encoding), dryRun, reason);
	}

	@PostMapping(path = "/api/reports/{id}/figures/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE,
			MediaType.APPLICATION_OCTET_STREAM_VALUE,
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
	ResponseEntity<?> importBody(@PathVariable Long id, @RequestBody byte[] body,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "auto") String encoding,
			@RequestParam(required = false) String reason) {
		Optional<UploadFields.Refusal> refused = UploadFields.check(null, encoding);
		if (refused.isPresent()) {
			return refusal(refused.get());
		}
		return answer(id, new Upload(null, body, encoding), dryRun, reason);
	}

	/** 400 with the field named and why, in the request's language; nothing read, nothing stored. */
	private ResponseEntity<ProblemDetail> refusal(UploadFields.Refusal refusal) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, this.messages
			.getMessage(refusal.messageKey(), refusal.arguments(), LocaleContextHolder.getLocale()));
		problem.setProperty("field", refusal.field());
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private ResponseEntity<?> answer(Long id, Upload upload, boolean dryRun, String reason) {
		if (!dryRun && this.revisions.needsApproval(id)) {
			return propose(id, upload, reason);
		}
		Result result = dryRun ? this.imports.check(id, upload) : this.imports.apply(id, upload);
		HttpStatus status = result.sheet().isValid() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT;
		return ResponseEntity.status(status).body(Answer.of(result, dryRun, this.messages));
	}

	/**
	 * A published report's figures change only when a leader approves: the file becomes a revision that waits
	 * (202, its address in {@code Location}), with its reason, which it must have (422 naming {@code reason}).
	 */
	private ResponseEntity<?> propose(Long id, Upload upload, String reason) {
		String key = reason == null || reason.isBlank() ? "report.revisionReasonRequired"
				: reason.strip().length() > 2000 ? "report.revision.reasonTooLong" : null;
		if (key != null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
					this.messages.getMessage(key, null, LocaleContextHolder.getLocale()));
			problem.setProperty("field", "reason");
			problem.setProperty("errors", List.of(new Problem(0, "reason", problem.getDetail())));
			return ResponseEntity.unprocessableContent().body(problem);
		}
		FigureImport.Proposal proposal = this.imports.propose(id, upload, reason);
		Answer imported = Answer.of(proposal.result(), false, this.messages);
		if (proposal.revision() == null) {
			return ResponseEntity.unprocessableContent().body(imported);
		}
		ReportRevisions.Revision revision = proposal.revision();
		String location = "/api/reports/" + id + "/revisions/" + revision.number();
		return ResponseEntity.accepted()
			.location(URI.create(location))
			.body(new RevisionAnswer(revision.number(), revision.status().toLowerCase(Locale.ROOT), revision.reason(),
					location, revision.changes(), imported));
	}

	/** Another revision of the report still waits for a leader: its number, so that the caller can follow it. */
	@ExceptionHandler(RevisionConflictException.class)
	ResponseEntity<ProblemDetail> revisionWaits(RevisionConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				this.messages.getMessage(ex.messageKey(), null, LocaleContextHolder.getLocale()));
		problem.setProperty("revision", ex.number());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

}
