package org.unionreports.portal.dataimport.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import org.unionreports.portal.dataimport.DemoReports;
import org.unionreports.portal.dataimport.FigureExtractor;
import org.unionreports.portal.dataimport.FigureExtractor.Extraction;
import org.unionreports.portal.dataimport.FigureExtractor.Proposal;
import org.unionreports.portal.dataimport.FigureExtractor.Reason;

/**
 * {@code POST /api/extract}: the text of a report in, its sections and proposed figures out (CONTRACT.md);
 * {@code start} and {@code end} are UTF-16 offsets of the quote in the posted text ({@code text} is that span
 * without web noise). Each figure says whether it is a {@code target}, its {@code period} (null: the report's
 * own), and why it maps to its metric or not ({@code mapping}, in the request's language, with its message
 * key). Nothing is stored.
 */
@RestController
class ExtractApiController {

	private final FigureExtractor extractor;

	private final MessageSource messages;

	ExtractApiController(FigureExtractor extractor, MessageSource messages) {
		this.extractor = extractor;
		this.messages = messages;
	}

	record SectionJson(String heading, int start) {
	}

	record FigureJson(String section, String text, int start, int end, String numberText, BigDecimal value, String unit,
			String qualifier, String metricZh, String metricKey, String context, boolean target, String period,
			String mapping, String mappingKey, String note) {
	}

	record ExtractionJson(List<SectionJson> sections, List<FigureJson> figures) {
	}

	@PostMapping(path = "/api/extract", consumes = { MediaType.TEXT_PLAIN_VALUE, "text/*" })
	ExtractionJson extract(@RequestBody String text, Locale locale) {
		Extraction extraction = this.extractor.extract(text, DemoReports.LEAD_HEADING);
		return new ExtractionJson(
				extraction.sections().stream().map(part -> new SectionJson(part.heading(), part.start())).toList(),
				extraction.figures().stream().map(p -> figure(p, locale)).toList());
	}

	private FigureJson figure(Proposal p, Locale locale) {
		return new FigureJson(p.section(), p.text(), p.start(), p.end(), p.numberText(), p.amount().value(),
				p.amount().unit(), p.amount().qualifier().code(), p.metricZh(),
				p.metric() == null ? null : p.metric().getKey(), p.context(), p.target(),
				p.period() == null ? null : p.period().toString(), text(p.reason(), locale),
				p.reason() == null ? null : p.reason().key(), text(p.note(), locale));
	}

	private String text(Reason reason, Locale locale) {
		return reason == null ? null : this.messages.getMessage(reason.key(), reason.arguments(), reason.key(), locale);
	}

}
