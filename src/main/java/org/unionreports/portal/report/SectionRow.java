package org.unionreports.portal.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * One section as a page's form carries it: the section editor's rows (with the id of a stored section, and
 * checked with {@code @Valid}) and the sections the extraction review found in a text (without an id, stored as
 * found). One class, so that both pages bind and write the same fields.
 */
public class SectionRow {

	/** The stored section the row stands for; none for a section added in the form or found in a text. */
	private Long id;

	@NotBlank
	@Size(max = 300)
	private String heading;

	@Size(max = 100_000)
	private String narrative;

	public SectionRow() {
	}

	public SectionRow(Long id, String heading, String narrative) {
		this.id = id;
		this.heading = heading;
		this.narrative = narrative;
	}

	public Long getId() {
		return this.id;
	}

	public void setId(Long id) {
		this.id = id;
	}

	public String getHeading() {
		return this.heading;
	}

	public void setHeading(String heading) {
		this.heading = heading;
	}

	public String getNarrative() {
		return this.narrative;
	}

	public void setNarrative(String narrative) {
		this.narrative = narrative;
	}

}
