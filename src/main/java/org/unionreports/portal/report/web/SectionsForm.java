package org.unionreports.portal.report.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.unionreports.portal.report.ReportEntry.SectionEdit;
import org.unionreports.portal.report.Section;

/** The sections of a report as the editor shows them: headings and narratives, in order. */
class SectionsForm extends EditForm {

	@Valid
	private List<Row> sections = new ArrayList<>();

	static SectionsForm of(List<Section> sections) {
		SectionsForm form = new SectionsForm();
		sections.forEach(section -> form.sections.add(new Row(section.getId(), section.getHeading(), section.getNarrative())));
		return form;
	}

	List<SectionEdit> toEdits() {
		return this.sections.stream()
			.map(row -> new SectionEdit(row.getId(), row.getHeading().strip(),
					row.getNarrative() == null ? "" : row.getNarrative().strip().replace("\r\n", "\n")))
			.toList();
	}

	/** Adds, removes or moves a section in the form; nothing is saved until the form is. */
	boolean rearrange(String action) {
		String[] parts = action.split(":");
		int index;
		try {
			index = parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
		}
		catch (NumberFormatException ex) {
			return false;
		}
		if (!parts[0].equals("add") && (index < 0 || index >= this.sections.size())) {
			return false;
		}
		switch (parts[0]) {
			case "add" -> this.sections.add(new Row(null, "", ""));
			case "remove" -> this.sections.remove(index);
			case "up" -> {
				if (index > 0) {
					this.sections.add(index - 1, this.sections.remove(index));
				}
			}
			case "down" -> {
				if (index < this.sections.size() - 1) {
					this.sections.add(index + 1, this.sections.remove(index));
				}
			}
			default -> {
				return false;
			}
		}
		return true;
	}

	public List<Row> getSections() {
		return this.sections;
	}

	public void setSections(List<Row> sections) {
		this.sections = sections;
	}

	/** One section in the editor. */
	public static class Row {

		private Long id;

		@NotBlank
		@Size(max = 300)
		private String heading;

		@Size(max = 100_000)
		private String narrative;

		public Row() {
		}

		Row(Long id, String heading, String narrative) {
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

}
