package org.unionreports.portal.dataimport;

import java.util.List;

import org.unionreports.portal.report.FigureInput;

/**
 * A figure file as read: every row that could be read as a figure, every problem found, and each row as
 * the portal understood it (for the dry run). Nothing is stored while there is a problem.
 */
public record FigureSheet(List<FigureInput> figures, List<ImportProblem> problems, List<Row> rows) {

	public boolean isValid() {
		return this.problems.isEmpty();
	}

	/** How many rows have at least one problem. */
	public long rejectedRows() {
		return this.problems.stream().map(ImportProblem::line).filter(line -> line > 1).distinct().count();
	}

	/** One row: what it said (metric, value, unit), the figure read from it if any, and its problems. */
	public record Row(int line, String metric, String value, String unit, FigureInput figure,
			List<ImportProblem> problems) {
	}

}
