package org.unionreports.portal.report.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.unionreports.portal.metric.Family;
import org.unionreports.portal.metric.MetricKind;
import org.unionreports.portal.report.Figure;
import org.unionreports.portal.shared.FigureFormat;

/**
 * The figure grid as typed: one cell per catalogue metric (by key), with its unit where the metric has
 * synonyms, and the long-tail rows. A cell holds the figure as a person writes it: {@code 435万余}.
 */
class FigureGridForm extends EditForm {

	private Map<String, String> cells = new LinkedHashMap<>();

	private Map<String, String> units = new LinkedHashMap<>();

	/**
	 * The cells and units as the form was opened, sent back unchanged: a save writes only what its user
	 * changed, so that two people saving different figures of one report at once both keep their work.
	 */
	private Map<String, String> openedCells = new LinkedHashMap<>();

	private Map<String, String> openedUnits = new LinkedHashMap<>();

	/**
	 * Whether the form carries what it was opened with. A form without (opened before this field existed)
	 * is taken whole, as then: every cell counts as changed, and any change since refuses it.
	 */
	private boolean openedKnown;

	@Valid
	private List<LongTailRow> rows = new ArrayList<>();

	/** The grid filled with the report's figures of its own period (targets and other periods apart). */
	static FigureGridForm of(List<Figure> figures) {
		FigureGridForm form = new FigureGridForm();
		form.openedKnown = true;
		for (Figure figure : figures) {
			if (figure.isCatalogued()) {
				form.cells.put(figure.getMetric().getKey(), FigureFormat.writeEntry(figure.getAmount()));
				form.units.put(figure.getMetric().getKey(), figure.getUnit());
				form.openedCells.put(figure.getMetric().getKey(), FigureFormat.writeEntry(figure.getAmount()));
				form.openedUnits.put(figure.getMetric().getKey(), figure.getUnit());
			}
			else {
				LongTailRow row = new LongTailRow();
				row.figureId = figure.getId();
				row.nameZh = figure.getLabel().getNameZh();
				row.nameEn = figure.getLabel().getNameEn();
				row.unit = figure.getUnit();
				row.family = figure.getLabel().getFamily();
				row.kind = figure.getLabel().getKind();
				row.value = FigureFormat.writeEntry(figure.getAmount());
				row.opened = row.fingerprint();
				form.rows.add(row);
			}
		}
		return form;
	}

	public Map<String, String> getCells() {
		return this.cells;
	}

	public void setCells(Map<String, String> cells) {
		this.cells = cells;
	}

	public Map<String, String> getUnits() {
		return this.units;
	}

	public void setUnits(Map<String, String> units) {
		this.units = units;
	}

	public Map<String, String> getOpenedCells() {
		return this.openedCells;
	}

	public void setOpenedCells(Map<String, String> openedCells) {
		this.openedCells = openedCells;
	}

	public boolean isOpenedKnown() {
		return this.openedKnown;
	}

	public void setOpenedKnown(boolean openedKnown) {
		this.openedKnown = openedKnown;
	}

	public Map<String, String> getOpenedUnits() {
		return this.openedUnits;
	}

	public void setOpenedUnits(Map<String, String> openedUnits) {
		this.openedUnits = openedUnits;
	}

	/** Whether the user changed this metric's cell or its unit since the form was opened. */
	boolean changed(String key, String defaultUnit) {
		if (!this.openedKnown) {
			return true;
		}
		String now = text(this.cells.get(key));
		if (!now.equals(text(this.openedCells.get(key)))) {
			return true;
		}
		return !now.isEmpty() && !this.units.getOrDefault(key, defaultUnit)
			.equals(this.openedUnits.getOrDefault(key, defaultUnit));
	}

	private static String text(String cell) {
		return cell == null ? "" : cell.strip();
	}

	public List<LongTailRow> getRows() {
		return this.rows;
	}

	public void setRows(List<LongTailRow> rows) {
		this.rows = rows;
	}

	/** A figure outside the catalogue: its own name, unit, family and kind. */
	public static class LongTailRow {

		private Long figureId;

		@Size(max = 200)
		private String nameZh;

		@Size(max = 300)
		private String nameEn;

		@Size(max = 16)
		private String unit;

		private Family family = Family.OTHER;

		private MetricKind kind = MetricKind.FLOW;

		@Size(max = 64)
		private String value;

		/** The row as it was opened ({@link #fingerprint()}); none for a row added in this form. */
		private String opened;

		/**
		 * Everything the row holds, in one string that survives a hidden field and a form post unchanged
		 * (Base64 of the fields, so that no line break or control character is normalised on the way).
		 */
		String fingerprint() {
			String fields = String.join("\u001f", text(this.nameZh), text(this.nameEn), text(this.unit),
					String.valueOf(this.family), String.valueOf(this.kind), text(this.value));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(fields.getBytes(StandardCharsets.UTF_8));
		}

		boolean changed() {
			return this.opened == null || !this.opened.equals(fingerprint());
		}

		public String getOpened() {
			return this.opened;
		}

		public void setOpened(String opened) {
			this.opened = opened;
		}

		boolean isBlank() {
			return (this.nameZh == null || this.nameZh.isBlank()) && (this.value == null || this.value.isBlank());
		}

		public Long getFigureId() {
			return this.figureId;
		}

		public void setFigureId(Long figureId) {
			this.figureId = figureId;
		}

		public String getNameZh() {
			return this.nameZh;
		}

		public void setNameZh(String nameZh) {
			this.nameZh = nameZh;
		}

		public String getNameEn() {
			return this.nameEn;
		}

		public void setNameEn(String nameEn) {
			this.nameEn = nameEn;
		}

		public String getUnit() {
			return this.unit;
		}

		public void setUnit(String unit) {
			this.unit = unit;
		}

		public Family getFamily() {
			return this.family;
		}

		public void setFamily(Family family) {
			this.family = family;
		}

		public MetricKind getKind() {
			return this.kind;
		}

		public void setKind(MetricKind kind) {
			this.kind = kind;
		}

		public String getValue() {
			return this.value;
		}

		public void setValue(String value) {
			this.value = value;
		}

	}

}
