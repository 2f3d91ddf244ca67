package org.unionreports.portal.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Writes figures into a report the one way both a draft's save and an approved revision take: the
 * report's version moves on (so that forms opened before are refused), the sections the figures name that
 * the report does not have yet are added, and the figures are written in bulk. Inside the caller's
 * transaction, after its checks of access and status.
 */
@Component
class FigureWrites {

	private final ReportRepository reports;

	private final ReportHistory history;

	private final FigureStore figureStore;

	FigureWrites(ReportRepository reports, ReportHistory history, FigureStore figureStore) {
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

	void remove(Report report, List<Long> figureIds, Long revision) {
		this.figureStore.remove(report.getId(), figureIds, revision);
	}

}
