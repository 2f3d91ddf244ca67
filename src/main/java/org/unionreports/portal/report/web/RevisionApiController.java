package org.unionreports.portal.report.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.unionreports.portal.report.ReportRevisions;
import org.unionreports.portal.report.RevisionConflictException;
import org.unionreports.portal.report.RevisionInputException;
import org.unionreports.portal.shared.NotFoundException;

/**
 * Revisions of a published report's figures through the API: read one (users in scope), approve or return
 * it (a leader in scope). Deciding a revision decided already is a conflict (409).
 */
@RestController
class RevisionApiController {

	private final ReportRevisions revisions;

	private final MessageSource messages;

	RevisionApiController(ReportRevisions revisions, MessageSource messages) {
		this.revisions = revisions;
		this.messages = messages;
	}

	/** A revision as the API shows it; {@code status} is pending, approved or returned. */
	record RevisionJson(long report, int revision, String status, String reason, String proposedBy,
			Instant proposedAt, String decidedBy, Instant decidedAt, String comment,
			List<ReportRevisions.Change> changes) {

		static RevisionJson of(ReportRevisions.Revision revision) {
			return new RevisionJson(revision.reportId(), revision.number(), revision.status().toLowerCase(Locale.ROOT),
					revision.reason(), revision.actor(), revision.proposedAt(), revision.decidedBy(), revision.decidedAt(),
					revision.comment(), revision.changes());
		}

	}

	@GetMapping("/api/reports/{id}/revisions/{n}")
	RevisionJson show(@PathVariable Long id, @PathVariable int n) {
		return RevisionJson.of(this.revisions.find(id, n)
			.orElseThrow(() -> new NotFoundException("revision " + n + " of report " + id)));
	}

	@PostMapping("/api/reports/{id}/revisions/{n}/approve")
	RevisionJson approve(@PathVariable Long id, @PathVariable int n) {
		return RevisionJson.of(this.revisions.approve(id, n));
	}

	/** The leader's comment, in a JSON body {@code {"comment":…}} (or {@code "reason"}) or as {@code ?comment=}. */
	@PostMapping("/api/reports/{id}/revisions/{n}/return")
	ResponseEntity<?> returnRevision(@PathVariable Long id, @PathVariable int n,
			@RequestBody(required = false) Map<String, String> body,
			@RequestParam(name = "comment", required = false) String commentParameter) {
		String comment = commentParameter;
		if (body != null) {
			comment = body.getOrDefault("comment", body.getOrDefault("reason", comment));
		}
		return ResponseEntity.ok(RevisionJson.of(this.revisions.returnRevision(id, n, comment)));
	}

	/** A return without its comment (checked after the leader's rights, so that others learn nothing). */
	@ExceptionHandler(RevisionInputException.class)
	ResponseEntity<ProblemDetail> noComment(RevisionInputException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				this.messages.getMessage(ex.messageKey(), null, LocaleContextHolder.getLocale()));
		problem.setProperty("field", ex.field());
		return ResponseEntity.unprocessableContent().body(problem);
	}

	@ExceptionHandler(RevisionConflictException.class)
	ResponseEntity<ProblemDetail> decided(RevisionConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				this.messages.getMessage(ex.messageKey(), null, LocaleContextHolder.getLocale()));
		problem.setProperty("revision", ex.number());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

}
