package org.unionreports.portal.dataimport;

import java.util.List;

import org.unionreports.portal.report.FigureInput;

/** A figure file as read: every row that could be read, and every problem found. Nothing is stored with problems. */
public record FigureSheet(List<FigureInput> figures, List<ImportProblem> problems) {

	public boolean isValid() {
		return this.problems.isEmpty();
	}

}
