package org.unionreports.portal.dataimport;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code portal.extract.*}: how large a report's text the extraction page and {@code POST
 * /api/reports/{id}/text} read ({@code PORTAL_EXTRACT_MAX_TEXT_SIZE}). A work report's whole text is 0.1–0.5
 * MB; a larger one is answered 413, the page keeping the text in its box.
 *
 * @param maxTextSize the largest text, e.g. {@code 2MB}
 */
@ConfigurationProperties("portal.extract")
@Validated
public record ExtractionLimits(@DefaultValue("2MB") @NotNull DataSize maxTextSize) {

	public ExtractionLimits {
		if (maxTextSize != null && maxTextSize.toBytes() <= 0) {
			throw new IllegalArgumentException("portal.extract.max-text-size (PORTAL_EXTRACT_MAX_TEXT_SIZE) must be "
					+ "more than nothing, such as 2MB; it was " + maxTextSize);
		}
	}

}
