package org.unionreports.portal.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Writes a report's figures and sections the one way both a draft's save and an approved revision take,
 * each change recorded: for figures, the report's version moves on (so that forms opened before are
 * refused), the sections the figures name that the report does not have yet are added, and the figures
 * are written in bulk. Inside the caller's transaction, after its checks of access and status.
 */
@Component
class ContentWrites {

	private final ReportRepository reports;

	private final ReportHistory history;

	private final FigureStore figureStore;

	ContentWrites(ReportRepository reports, ReportHistory history, FigureStore figureStore) {
		this.reports = reports;
		this.history = history;
		this.figureStore = figureStore;
	}

	StoreResult store(Report report, List<FigureInput> inputs, Long revision) {
		report.touch();
		List<Section> added = new ArrayList<>();
		for (FigureInput input : inputs) {
			String heading = input.sectionHeading() == null ? null : input.sectionHeading().strip();
			if (heading != null && !heading.isEmpty()
					&& report.getSections().stream().noneMatch(section -> section.getHeading().equals(heading))) {
				added.add(report.addSection(heading, ""));
			}
		}
		this.reports.flush();
		for (Section section : added) {
			this.history.section(report.getId(), section.getId(), section.getHeading(), "added", null, "", revision);
		}
		Map<String, Long> sectionIds = new HashMap<>();
		report.getSections().forEach(section -> sectionIds.put(section.getHeading(), section.getId()));
		return this.figureStore.store(report.getId(), report.getPeriod(), inputs, sectionIds, revision);
	}

	/**
	 * Replaces the report's sections with those given: kept sections (by id) take their new heading,
	 * narrative and place, new ones are added, missing ones removed (their figures then belong to no section).
	 */
	void sections(Report report, List<ReportEntry.SectionEdit> wanted, Long revision) {
		Map<Long, Section> existing = new LinkedHashMap<>();
		Map<Long, Integer> placeBefore = new HashMap<>();
		report.getSections().forEach(section -> {
			existing.put(section.getId(), section);
			placeBefore.put(section.getId(), section.getPosition());
		});
		List<Section> added = new ArrayList<>();
		for (int position = 0; position < wanted.size(); position++) {
			ReportEntry.SectionEdit edited = wanted.get(position);
			Section section = edited.id() == null ? null : existing.remove(edited.id());
			if (section == null) {
				section = report.addSectionAt(position, edited.heading(), edited.narrative());
				added.add(section);
				continue;
			}
			if (!section.getHeading().equals(edited.heading())) {
				this.history.section(report.getId(), section.getId(), edited.heading(), "heading", section.getHeading(),
						edited.heading(), revision);
			}
			if (!section.getNarrative().equals(edited.narrative())) {
				this.history.section(report.getId(), section.getId(), edited.heading(), "narrative", section.getNarrative(),
						edited.narrative(), revision);
			}
			int before = placeBefore.get(section.getId());
			if (before != position) {
				this.history.section(report.getId(), section.getId(), edited.heading(), "position", Integer.toString(before + 1),
						Integer.toString(position + 1), revision);
			}
			section.edit(position, edited.heading(), edited.narrative());
		}
		for (Section removed : existing.values()) {
			// Its figures then belong to no section: the foreign key sets their section_id to null.
			report.removeSection(removed);
			this.history.section(report.getId(), removed.getId(), removed.getHeading(), "removed", removed.getNarrative(), null,
					revision);
		}
		report.touch();
		this.reports.flush();
		for (Section section : added) {
			this.history.section(report.getId(), section.getId(), section.getHeading(), "added", null, section.getNarrative(),
					revision);
		}
	}

	void remove(Report report, List<Long> figureIds, Long revision) {
		this.figureStore.remove(report.getId(), figureIds, revision);
	}

}
