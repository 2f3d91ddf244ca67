package org.unionreports.portal.dataimport.web;

import java.util.ArrayList;
import java.util.List;

import org.unionreports.portal.dataimport.FigureExtractor.Extraction;
import org.unionreports.portal.dataimport.FigureExtractor.Proposal;
import org.unionreports.portal.dataimport.ReportText;
import org.unionreports.portal.shared.FigureFormat;

/** The review of an extraction: every proposed figure to accept, correct or drop, and the sections. */
public class ExtractionForm {

	private String text = "";

	private boolean importSections = true;

	private boolean dropEmptySections = true;

	private List<Row> figures = new ArrayList<>();

	private List<SectionRow> sections = new ArrayList<>();

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
			form.figures.add(row);
		}
		for (ReportText.Part part : extraction.sections()) {
			SectionRow row = new SectionRow();
			row.heading = part.heading();
			row.narrative = part.narrative();
			form.sections.add(row);
		}
		return form;
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

	/** A section found in the text. */
	public static class SectionRow {

		private String heading;

		private String narrative;

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
