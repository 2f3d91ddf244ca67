package org.unionreports.portal.dataimport.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.unionreports.portal.dataimport.FigureExtractor.Extraction;
import org.unionreports.portal.dataimport.FigureExtractor.Proposal;
import org.unionreports.portal.dataimport.ReportText;
import org.unionreports.portal.report.SectionRow;
import org.unionreports.portal.shared.FigureFormat;

/** The review of an extraction: every proposed figure to accept, correct or drop, and the sections. */
public class ExtractionForm {

	private String text = "";

	private boolean importSections = true;

	private boolean dropEmptySections = true;

	private List<Row> figures = new ArrayList<>();

	private List<SectionRow> sections = new ArrayList<>();

	/**
	 * For each catalogue metric and period that two or more rows claim (a conflict), the row staff chose as
	 * the report's value for it: group ({@link #group(Row)}) to row index.
	 */
	private Map<String, Integer> holds = new LinkedHashMap<>();

	static ExtractionForm of(String text, Extraction extraction) {
		ExtractionForm form = new ExtractionForm();
		form.text = text;
		for (Proposal p : extraction.figures()) {
			Row row = new Row();
			row.accept = true;
			row.section = p.section();
			row.start = p.start();
			row.end = p.end();
			row.span = p.text();
			row.context = p.context();
			row.numberText = p.numberText();
			row.value = FigureFormat.writeEntry(p.amount());
			row.missing = p.amount().isMissing();
			row.unit = p.amount().unit();
			row.metricKey = p.metric() == null ? "" : p.metric().getKey();
			row.label = p.label();
			row.target = p.target();
			row.period = p.period() == null ? "" : p.period().toString();
			if (p.reason() != null) {
				row.reasonKey = p.reason().key();
				row.reasonArgs = List.copyOf(p.reason().args());
			}
			if (p.note() != null) {
				row.hintKey = p.note().key();
				row.hintArgs = List.copyOf(p.note().args());
			}
			form.figures.add(row);
		}
		for (ReportText.Part part : extraction.sections()) {
			form.sections.add(new SectionRow(null, part.heading(), part.narrative()));
		}
		return form;
	}

	/**
	 * The conflict group of a row: its catalogue metric, period and whether it is a target, or null for a
	 * long-tail figure. Rows of one group claim one value of the report.
	 */
	static String group(Row row) {
		if (row.metricKey == null || row.metricKey.isBlank()) {
			return null;
		}
		return row.metricKey + "|" + (row.period == null ? "" : row.period.strip()) + (row.target ? "|target" : "");
	}

	/** The conflict group of each row that shares one with another row (row index to group). */
	public Map<Integer, String> getConflicts() {
		Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
		for (int i = 0; i < this.figures.size(); i++) {
			String group = group(this.figures.get(i));
			if (group != null) {
				byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(i);
			}
		}
		Map<Integer, String> conflicts = new LinkedHashMap<>();
		byGroup.forEach((group, rows) -> {
			if (rows.size() > 1) {
				rows.forEach(row -> conflicts.put(row, group));
			}
		});
		return conflicts;
	}

	/**
	 * Marks the row staff chose in each conflict as holding its metric. Where they chose none, no row is
	 * marked: the store keeps the metric's current holder, or gives it to the first, and the workspace lists
	 * the conflict for a person to settle.
	 */
	void applyHolds() {
		for (Map.Entry<Integer, String> conflict : getConflicts().entrySet()) {
			Row row = this.figures.get(conflict.getKey());
			row.holdsMetric = row.accept && conflict.getKey().equals(this.holds.get(conflict.getValue()));
		}
	}

	public Map<String, Integer> getHolds() {
		return this.holds;
	}

	public void setHolds(Map<String, Integer> holds) {
		this.holds = holds;
	}

	public String getText() {
		return this.text;
	}

	public void setText(String text) {
		this.text = text;
	}

	public boolean isImportSections() {
		return this.importSections;
	}

	public void setImportSections(boolean importSections) {
		this.importSections = importSections;
	}

	public boolean isDropEmptySections() {
		return this.dropEmptySections;
	}

	public void setDropEmptySections(boolean dropEmptySections) {
		this.dropEmptySections = dropEmptySections;
	}

	public List<Row> getFigures() {
		return this.figures;
	}

	public void setFigures(List<Row> figures) {
		this.figures = figures;
	}

	public List<SectionRow> getSections() {
		return this.sections;
	}

	public void setSections(List<SectionRow> sections) {
		this.sections = sections;
	}

	/** One proposed figure as the reviewer leaves it. */
	public static class Row {

		private boolean accept;

		private String section;

		private int start;

		private int end;

		private String span;

		private String context;

		private String numberText;

		private String value;

		private boolean missing;

		private String unit;

		private String metricKey;

		private String label;

		/** A plan or aim (力争, 到2027年) rather than an achievement: stored as a target, never counted. */
		private boolean target;

		/** The years the figure covers, {@code 2022} or {@code 2018-2022}; the report's when empty. */
		private String period = "";

		/**
		 * Why the extractor mapped the figure to its catalogue metric or kept it long-tail: a message key and
		 * its arguments (shown only, not sent back).
		 */
		private String reasonKey;

		private List<String> reasonArgs = List.of();

		/** What to know about the value (a vague number proposed without one): a message key, or null. */
		private String hintKey;

		private List<String> hintArgs = List.of();

		/** The explanation staff give for a figure that breaks a soft rule. */
		private String note = "";

		/**
		 * Chosen as the report's value for its catalogue metric and period where other accepted figures claim
		 * the same (a conflict).
		 */
		private boolean holdsMetric;

		public boolean isTarget() {
			return this.target;
		}

		public void setTarget(boolean target) {
			this.target = target;
		}

		public String getPeriod() {
			return this.period;
		}

		public void setPeriod(String period) {
			this.period = period;
		}

		public String getReasonKey() {
			return this.reasonKey;
		}

		public List<String> getReasonArgs() {
			return this.reasonArgs;
		}

		public String getHintKey() {
			return this.hintKey;
		}

		public List<String> getHintArgs() {
			return this.hintArgs;
		}

		public String getNote() {
			return this.note;
		}

		public void setNote(String note) {
			this.note = note;
		}

		public boolean isHoldsMetric() {
			return this.holdsMetric;
		}

		public void setHoldsMetric(boolean holdsMetric) {
			this.holdsMetric = holdsMetric;
		}

		public boolean isAccept() {
			return this.accept;
		}

		public void setAccept(boolean accept) {
			this.accept = accept;
		}

		public String getSection() {
			return this.section;
		}

		public void setSection(String section) {
			this.section = section;
		}

		public int getStart() {
			return this.start;
		}

		public void setStart(int start) {
			this.start = start;
		}

		public int getEnd() {
			return this.end;
		}

		public void setEnd(int end) {
			this.end = end;
		}

		public String getSpan() {
			return this.span;
		}

		public void setSpan(String span) {
			this.span = span;
		}

		public String getContext() {
			return this.context;
		}

		public void setContext(String context) {
			this.context = context;
		}

		public String getNumberText() {
			return this.numberText;
		}

		public void setNumberText(String numberText) {
			this.numberText = numberText;
		}

		public String getValue() {
			return this.value;
		}

		public void setValue(String value) {
			this.value = value;
		}

		public boolean isMissing() {
			return this.missing;
		}

		public void setMissing(boolean missing) {
			this.missing = missing;
		}

		public String getUnit() {
			return this.unit;
		}

		public void setUnit(String unit) {
			this.unit = unit;
		}

		public String getMetricKey() {
			return this.metricKey;
		}

		public void setMetricKey(String metricKey) {
			this.metricKey = metricKey;
		}

		public String getLabel() {
			return this.label;
		}

		public void setLabel(String label) {
			this.label = label;
		}

	}

}
