package org.unionreports.portal.dataimport.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.util.unit.DataSize;

import org.unionreports.portal.dataimport.FigureExtractor;
import org.unionreports.portal.dataimport.FigureExtractor.Proposal;
import org.unionreports.portal.dataimport.TextImport;
import org.unionreports.portal.dataimport.web.StoreJson.ConflictJson;
import org.unionreports.portal.metric.Metric;
import org.unionreports.portal.report.FigureRules;
import org.unionreports.portal.report.StoreResult;
import org.unionreports.portal.dataimport.ExtractionLimits;

/**
 * {@code POST /api/reports/{id}/text}: a report's text in ({@code text/plain; charset=UTF-8}), stored as the
 * review page's "accept all" stores it; the answer lists every figure stored (with where it stands in the
 * posted text), the conflicts left for a person, and every figure found but not stored, with the reason.
 * {@code counts.proposed} is always {@code counts.stored + counts.notStored}. {@code ?dryRun=true} answers
 * the same and stores nothing.
 */
@RestController
class TextApiController {

	private final TextImport texts;

	private final MessageSource messages;

	/** The largest text the extractor reads, as on the extraction page. */
	private final DataSize maxText;

	TextApiController(TextImport texts, MessageSource messages,
			ExtractionLimits limits) {
		this.texts = texts;
		this.messages = messages;
		this.maxText = limits.maxTextSize();
	}

	record Counts(int proposed, int stored, int notStored) {
	}

	record FigureJson(Long id, int start, int end, String text, String numberText, BigDecimal value, String unit,
			String qualifier, boolean target, String period, String section, String subject, String metricKey,
			String metricZh, boolean holdsMetric, String mapping, String status, String change, String note) {
	}

	record NotStoredJson(int start, int end, String text, String numberText, String reason) {
	}

	record WarningJson(Long figureId, int start, int end, String text, String message) {
	}

	record SectionJson(String heading) {
	}

	record Answer(boolean dryRun, Counts counts, List<SectionJson> sections, List<FigureJson> figures,
			List<ConflictJson> conflicts, List<NotStoredJson> notStored, List<WarningJson> needExplanation) {
	}

	@PostMapping(path = "/api/reports/{id}/text", consumes = { MediaType.TEXT_PLAIN_VALUE, "text/*" })
	ResponseEntity<?> store(@PathVariable Long id, @RequestBody String text,
			@RequestParam(defaultValue = "false") boolean dryRun) {
		if (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > this.maxText.toBytes()) {
			ProblemDetail tooLarge = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					"a report's text is at most " + this.maxText.toMegabytes() + " MB here; nothing was stored");
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge);
		}
		return ResponseEntity.ok(answer(id, text, dryRun));
	}

	private Answer answer(Long id, String text, boolean dryRun) {
		TextImport.Outcome outcome = this.texts.store(id, text, dryRun);
		Locale locale = LocaleContextHolder.getLocale();
		List<FigureJson> figures = new ArrayList<>();
		List<WarningJson> warnings = new ArrayList<>();
		for (StoreResult.Stored stored : outcome.stored().figures()) {
			Proposal p = outcome.proposal(stored);
			Metric metric = stored.metric();
			// a dry run's ids belong to a transaction that was rolled back
			figures.add(new FigureJson(outcome.dryRun() ? null : stored.figureId(), p.start(), p.end(), p.text(), p.numberText(), p.amount().value(),
					p.amount().unit(), p.amount().qualifier().code(), p.target(),
					p.period() == null ? null : p.period().toString(), p.section(), stored.subject(),
					metric == null ? null : metric.getKey(), metric == null ? null : metric.getNameZh(),
					stored.holdsMetric(), reason(p.reason(), locale), stored.inConflict() ? "conflict" : "stored",
					stored.change().name().toLowerCase(), reason(p.note(), locale)));
			FigureRules.Finding warning = outcome.needExplanation().get(outcome.proposalOf().get(stored.input()));
			if (warning != null) {
				warnings.add(new WarningJson(outcome.dryRun() ? null : stored.figureId(), p.start(), p.end(), p.text(), message(warning, locale)));
			}
		}
		List<NotStoredJson> notStored = new ArrayList<>();
		outcome.refused().forEach((index, finding) -> {
			Proposal p = outcome.extraction().figures().get(index);
			notStored.add(new NotStoredJson(p.start(), p.end(), p.text(), p.numberText(), this.messages
				.getMessage("figure.notStored.rule", new Object[] { message(finding, locale) }, locale)));
		});
		for (StoreResult.NotStored skipped : outcome.stored().notStored()) {
			Proposal p = outcome.proposal(skipped);
			notStored.add(new NotStoredJson(p.start(), p.end(), p.text(), p.numberText(),
					StoreJson.reason(skipped, this.messages, locale)));
		}
		notStored.sort(java.util.Comparator.comparingInt(NotStoredJson::start));
		return new Answer(outcome.dryRun(),
				new Counts(outcome.extraction().figures().size(), figures.size(), notStored.size()),
				outcome.extraction().sections().stream().map(part -> new SectionJson(part.heading())).toList(), figures,
				ConflictJson.of(outcome.stored().conflicts(), this.messages, locale), notStored, warnings);
	}

	private String reason(FigureExtractor.Reason reason, Locale locale) {
		return reason == null ? null : this.messages.getMessage(reason.key(), reason.arguments(), locale);
	}

	private String message(FigureRules.Finding finding, Locale locale) {
		return this.messages.getMessage(finding.messageKey(), finding.arguments().toArray(), locale);
	}

}
