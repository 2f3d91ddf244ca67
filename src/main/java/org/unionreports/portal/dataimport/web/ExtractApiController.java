package org.unionreports.portal.dataimport.web;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import org.unionreports.portal.dataimport.DemoReports;
import org.unionreports.portal.dataimport.FigureExtractor;
import org.unionreports.portal.dataimport.FigureExtractor.Extraction;

/**
 * {@code POST /api/extract}: the text of a report in, its sections and proposed figures out (CONTRACT.md);
 * {@code start} and {@code end} are UTF-16 offsets of {@code text} in the posted text. Nothing is stored.
 */
@RestController
class ExtractApiController {

	private final FigureExtractor extractor;

	ExtractApiController(FigureExtractor extractor) {
		this.extractor = extractor;
	}

	record SectionJson(String heading, int start) {
	}

	record FigureJson(String section, String text, int start, int end, String numberText, BigDecimal value, String unit,
			String qualifier, String metricZh, String metricKey, String context) {
	}

	record ExtractionJson(List<SectionJson> sections, List<FigureJson> figures) {

		static ExtractionJson of(Extraction extraction) {
			return new ExtractionJson(
					extraction.sections().stream().map(part -> new SectionJson(part.heading(), part.start())).toList(),
					extraction.figures()
						.stream()
						.map(p -> new FigureJson(p.section(), p.text(), p.start(), p.end(), p.numberText(),
								p.amount().value(), p.amount().unit(), p.amount().qualifier().code(), p.metricZh(),
								p.metric() == null ? null : p.metric().getKey(), p.context()))
						.toList());
		}

	}

	@PostMapping(path = "/api/extract", consumes = { MediaType.TEXT_PLAIN_VALUE, "text/*" })
	ExtractionJson extract(@RequestBody String text) {
		return ExtractionJson.of(this.extractor.extract(text, DemoReports.LEAD_HEADING));
	}

}
