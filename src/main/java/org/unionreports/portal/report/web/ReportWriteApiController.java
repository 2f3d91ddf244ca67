package org.unionreports.portal.report.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import org.unionreports.portal.metric.Metric;
import org.unionreports.portal.metric.MetricCatalogue;
import org.unionreports.portal.region.Region;
import org.unionreports.portal.region.RegionTree;
import org.unionreports.portal.report.FigureInput;
import org.unionreports.portal.report.Report;
import org.unionreports.portal.report.ReportConflictException;
import org.unionreports.portal.report.ReportEntry;
import org.unionreports.portal.report.ReportStateException;
import org.unionreports.portal.report.ReportWorkflow;
import org.unionreports.portal.report.Source;
import org.unionreports.portal.report.StoreResult;
import org.unionreports.portal.shared.NotFoundException;
import org.unionreports.portal.shared.Period;

/** The write API of CONTRACT.md: create a report and take it through the workflow. */
@RestController
class ReportWriteApiController {

	private final RegionTree regions;

	private final ReportEntry entry;

	private final ReportWorkflow workflow;

	private final MetricCatalogue catalogue;

	ReportWriteApiController(RegionTree regions, ReportEntry entry, ReportWorkflow workflow,
			MetricCatalogue catalogue) {
		this.regions = regions;
		this.entry = entry;
		this.workflow = workflow;
		this.catalogue = catalogue;
	}

	/** {@code source} is the publisher's name, or an object with {@code publisher}, {@code date}, {@code url}. */
	record CreateReport(String regionCode, Integer periodStart, Integer periodEnd, String title, JsonNode source) {
	}

	record Created(Long id) {
	}

	record Status(Long id, String status) {

		static Status of(Report report) {
			return new Status(report.getId(), report.getStatus().name());
		}

	}

	record Comment(String comment) {
	}

	@PostMapping("/api/reports")
	ResponseEntity<Created> create(@RequestBody CreateReport request) {
		if (request.regionCode() == null || request.periodStart() == null || request.title() == null
				|| request.title().isBlank()) {
			throw new IllegalArgumentException("regionCode, periodStart and title are required");
		}
		checkText("title", request.title().strip(), 300);
		Region region = this.regions.find(request.regionCode().strip())
			.orElseThrow(() -> new NotFoundException("region " + request.regionCode()));
		Period period = new Period(request.periodStart(),
				request.periodEnd() == null ? request.periodStart() : request.periodEnd());
		Report report = this.entry.create(region, period, request.title().strip(), source(request.source()));
		return ResponseEntity.created(URI.create("/api/reports/" + report.getId())).body(new Created(report.getId()));
	}

	@PostMapping("/api/reports/{id}/submit")
	Status submit(@PathVariable Long id) {
		return Status.of(this.workflow.submit(id));
	}

	@PostMapping("/api/reports/{id}/approve")
	Status approve(@PathVariable Long id) {
		return Status.of(this.workflow.approve(id));
	}

	@PostMapping("/api/reports/{id}/return")
	Status returnForCorrection(@PathVariable Long id, @RequestBody(required = false) Comment comment) {
		return Status.of(this.workflow.returnForCorrection(id, comment == null ? null : comment.comment()));
	}

	@PostMapping("/api/reports/{id}/publish")
	Status publish(@PathVariable Long id) {
		return Status.of(this.workflow.publish(id));
	}

	record MetricChoice(String metricKey) {
	}

	record Note(String note) {
	}

	record Conflicts(List<Long> conflicted, int open) {
	}

	/**
	 * Says which figure is the report's value for a catalogue metric ({@code metricKey}), settling a conflict;
	 * {@code null} makes the figure a long-tail figure that claims no metric. Answers with the conflicts left.
	 */
	@PostMapping("/api/reports/{id}/figures/{figureId}/metric")
	Conflicts map(@PathVariable Long id, @PathVariable Long figureId, @RequestBody MetricChoice choice) {
		Metric metric = choice.metricKey() == null || choice.metricKey().isBlank() ? null
				: this.catalogue.byKey(choice.metricKey())
					.orElseThrow(() -> new IllegalArgumentException("no catalogue metric has the key " + choice.metricKey()));
		List<StoreResult.Conflict> left = this.entry.mapFigure(id, null, figureId, metric);
		return new Conflicts(left.stream().flatMap(c -> c.figureIds().stream()).toList(), left.size());
	}

	/** A figure's note: where it breaks a soft rule, its explanation (the figure is then flagged). */
	@PostMapping("/api/reports/{id}/figures/{figureId}/note")
	Map<String, Object> explain(@PathVariable Long id, @PathVariable Long figureId, @RequestBody Note note) {
		FigureInput.Flag flag = this.entry.explain(id, figureId, note.note());
		Map<String, Object> answer = new java.util.LinkedHashMap<>();
		answer.put("id", figureId);
		answer.put("flag", flag == null ? null : flag.code());
		answer.put("unexplained", this.entry.unexplained(id).size());
		return answer;
	}

	private static Source source(JsonNode source) {
		if (source == null || source.isNull()) {
			return Source.unknown();
		}
		if (source.isString()) {
			return new Source(checkText("source", blankToNull(source.asString()), 200), null, null);
		}
		String date = text(source, "date");
		String url = text(source, "url");
		if (url != null && !Source.isWebAddress(url)) {
			throw new IllegalArgumentException("source.url must be an http:// or https:// address, not " + url);
		}
		checkText("source.url", url, 1000);
		try {
			return new Source(checkText("source.publisher", text(source, "publisher"), 200),
					date == null ? null : LocalDate.parse(date), url);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("source.date must be written 2023-08-20, not " + date);
		}
	}

	/**
	 * A text the report keeps: at most as long as its column, and without NUL, which PostgreSQL cannot keep
	 * in text. Answered 422 naming the field, not a 500 from the database.
	 */
	private static String checkText(String field, String text, int maxLength) {
		if (text != null && text.length() > maxLength) {
			throw new InvalidField(field, field + " has at most " + maxLength + " characters, not " + text.length());
		}
		if (text != null && text.indexOf('\0') >= 0) {
			throw new InvalidField(field, field + " must not contain the NUL character");
		}
		return text;
	}

	/** A field of the request that the report cannot keep as it is. */
	static final class InvalidField extends RuntimeException {

		private final String field;

		InvalidField(String field, String message) {
			super(message);
			this.field = field;
		}

	}

	@ExceptionHandler(InvalidField.class)
	ProblemDetail invalidField(InvalidField ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setProperty("field", ex.field);
		return problem;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : blankToNull(value.asString());
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	@ExceptionHandler(ReportConflictException.class)
	ProblemDetail conflict(ReportConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setProperty("existingId", ex.existingId());
		return problem;
	}

	@ExceptionHandler(ReportStateException.class)
	ProblemDetail refusedStep(ReportStateException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

}
