package org.unionreports.portal.report.web;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import org.unionreports.portal.report.Source;
import org.unionreports.portal.shared.Period;

/** Staff start a report: the region, the period (a year or a span), the title and where it will be published. */
class NewReportForm {

	@NotBlank
	@Size(max = 32)
	private String regionCode;

	@NotNull
	@Min(Period.EARLIEST_YEAR)
	@Max(Period.LATEST_YEAR)
	private Integer periodStart;

	@Min(Period.EARLIEST_YEAR)
	@Max(Period.LATEST_YEAR)
	private Integer periodEnd;

	@NotBlank
	@Size(max = 300)
	private String title;

	@Size(max = 200)
	private String sourcePublisher;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate sourceDate;

	@Size(max = 1000)
	@Pattern(regexp = "^$|^https?://.*", message = "{report.source.url.invalid}")
	private String sourceUrl;

	@AssertTrue(message = "{report.period.backwards}")
	public boolean isPeriodInOrder() {
		return this.periodStart == null || this.periodEnd == null || this.periodStart <= this.periodEnd;
	}

	Period period() {
		return new Period(this.periodStart, this.periodEnd == null ? this.periodStart : this.periodEnd);
	}

	Source source() {
		return new Source(blankToNull(this.sourcePublisher), this.sourceDate, blankToNull(this.sourceUrl));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	public String getRegionCode() {
		return this.regionCode;
	}

	public void setRegionCode(String regionCode) {
		this.regionCode = regionCode == null ? null : regionCode.strip();
	}

	public Integer getPeriodStart() {
		return this.periodStart;
	}

	public void setPeriodStart(Integer periodStart) {
		this.periodStart = periodStart;
	}

	public Integer getPeriodEnd() {
		return this.periodEnd;
	}

	public void setPeriodEnd(Integer periodEnd) {
		this.periodEnd = periodEnd;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getSourcePublisher() {
		return this.sourcePublisher;
	}

	public void setSourcePublisher(String sourcePublisher) {
		this.sourcePublisher = sourcePublisher;
	}

	public LocalDate getSourceDate() {
		return this.sourceDate;
	}

	public void setSourceDate(LocalDate sourceDate) {
		this.sourceDate = sourceDate;
	}

	public String getSourceUrl() {
		return this.sourceUrl;
	}

	public void setSourceUrl(String sourceUrl) {
		this.sourceUrl = sourceUrl;
	}

}
