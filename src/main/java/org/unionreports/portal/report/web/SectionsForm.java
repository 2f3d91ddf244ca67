package org.unionreports.portal.report.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;

import org.unionreports.portal.report.ReportEntry.SectionEdit;
import org.unionreports.portal.report.Section;
import org.unionreports.portal.report.SectionRow;

/** The sections of a report as the editor shows them: headings and narratives, in order. */
class SectionsForm extends EditForm {

	private List<@Valid SectionRow> sections = new ArrayList<>();

	static SectionsForm of(List<Section> sections) {
		SectionsForm form = new SectionsForm();
		sections.forEach(section -> form.sections.add(new SectionRow(section.getId(), section.getHeading(), section.getNarrative())));
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
			case "add" -> this.sections.add(new SectionRow(null, "", ""));
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

	public List<SectionRow> getSections() {
		return this.sections;
	}

	public void setSections(List<SectionRow> sections) {
		this.sections = sections;
	}

}
