package org.unionreports.portal.report.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.validation.BindingResult;

import org.unionreports.portal.metric.Family;
import org.unionreports.portal.metric.Metric;
import org.unionreports.portal.metric.MetricKind;
import org.unionreports.portal.report.Figure;
import org.unionreports.portal.report.FigureInput;
import org.unionreports.portal.report.ReportDocument;
import org.unionreports.portal.shared.Amount;
import org.unionreports.portal.shared.FigureFormat;
import org.unionreports.portal.shared.FigureFormatException;
import org.unionreports.portal.shared.Qualifier;
import org.unionreports.portal.shared.ReadNumber;

/**
 * The figure grid of one report: the catalogue by family, the report's figures in its own period, and the
 * reading of a typed grid into figures to store, with every cell that cannot be read marked on its field.
 */
class FigureGrid {

	private final ReportDocument doc;

	private final List<Metric> catalogue;

	/** The report's catalogue figures in its own period, not targets: the ones the grid edits. */
	private final Map<String, Figure> byMetric = new LinkedHashMap<>();

	private final Map<Long, Figure> longTail = new LinkedHashMap<>();

	private final List<Figure> others = new ArrayList<>();

	FigureGrid(ReportDocument doc, List<Metric> catalogue) {
		this.doc = doc;
		this.catalogue = catalogue;
		for (Figure figure : doc.figures()) {
			boolean inGrid = !figure.isTarget() && figure.getPeriod().equals(doc.report().getPeriod());
			if (!inGrid) {
				this.others.add(figure);
			}
			else if (figure.isCatalogued()) {
				this.byMetric.put(figure.getMetric().getKey(), figure);
			}
			else {
				this.longTail.put(figure.getId(), figure);
			}
		}
	}

	FigureGridForm form() {
		List<Figure> editable = new ArrayList<>(this.byMetric.values());
		editable.addAll(this.longTail.values());
		return FigureGridForm.of(editable);
	}

	/** The catalogue metrics grouped by family, in catalogue order. */
	public Map<Family, List<Metric>> getFamilies() {
		Map<Family, List<Metric>> families = new EnumMap<>(Family.class);
		this.catalogue.forEach(metric -> families.computeIfAbsent(metric.getFamily(), f -> new ArrayList<>()).add(metric));
		return families;
	}

	/** The catalogue metric of a cell, by its key (for naming a cell in the list of errors). */
	public Metric metric(String key) {
		return this.catalogue.stream().filter(m -> m.getKey().equals(key)).findFirst().orElse(null);
	}

	/** Figures the grid does not edit: targets and figures of other periods. */
	public List<Figure> getOthers() {
		return this.others;
	}

	public Family[] getFamilyChoices() {
		return Family.values();
	}

	public MetricKind[] getKindChoices() {
		return new MetricKind[] { MetricKind.FLOW, MetricKind.STOCK, MetricKind.RATE, MetricKind.PER_UNIT };
	}

	/** The units a catalogue metric's cell offers: its own and those that count the same. */
	public List<String> unitsOf(Metric metric) {
		List<String> units = new ArrayList<>();
		units.add(metric.getUnit());
		units.addAll(metric.getUnitSynonyms());
		return units;
	}

	/** What to store and what to remove, read from the typed grid. */
	/**
	 * The grid as read: every figure it holds (for the rules, which may compare figures), which of them the
	 * user changed (the only ones a save writes), and the figures the user cleared.
	 */
	record Reading(Map<String, FigureInput> figures, Set<String> changed, List<Long> removed) {

		List<FigureInput> changedFigures() {
			return this.figures.entrySet()
				.stream()
				.filter(entry -> this.changed.contains(entry.getKey()))
				.map(Map.Entry::getValue)
				.toList();
		}

	}

	Reading read(FigureGridForm form, BindingResult errors) {
		Map<String, FigureInput> figures = new LinkedHashMap<>();
		Set<String> changed = new HashSet<>();
		List<Long> removed = new ArrayList<>();
		for (Metric metric : this.catalogue) {
			String field = "cells[" + metric.getKey() + "]";
			String text = form.getCells().get(metric.getKey());
			Figure existing = this.byMetric.get(metric.getKey());
			boolean touched = form.changed(metric.getKey(), metric.getUnit());
			if (!touched) {
				// Not changed by this user: the rules see the figure as stored now, which someone else may have
				// changed since the form was opened, never the form's older copy.
				if (existing != null) {
					figures.put(field, new FigureInput(existing.getSection() == null ? null : existing.getSection().getHeading(),
							metric, null, existing.getAmount(), null, false, existing.getSourceText(), existing.getNumberText(),
							existing.getNote()));
				}
				continue;
			}
			changed.add(field);
			if (text == null || text.isBlank()) {
				if (existing != null) {
					removed.add(existing.getId());
				}
				continue;
			}
			String unit = form.getUnits().getOrDefault(metric.getKey(), metric.getUnit());
			if (!metric.accepts(unit)) {
				errors.rejectValue(field, "figure.rule.unit", new Object[] { unit, metric.getNameZh() }, null);
				continue;
			}
			Amount amount = amount(field, text, unit, errors);
			if (amount != null) {
				figures.put(field, new FigureInput(existing == null || existing.getSection() == null ? null
						: existing.getSection().getHeading(), metric, null, amount, null, false,
						existing == null ? null : existing.getSourceText(), text.strip(),
						existing == null ? null : existing.getNote()));
			}
		}
		for (int i = 0; i < form.getRows().size(); i++) {
			FigureGridForm.LongTailRow row = form.getRows().get(i);
			String prefix = "rows[" + i + "].";
			Figure existing = row.getFigureId() == null ? null : this.longTail.get(row.getFigureId());
			if (row.changed()) {
				changed.add(prefix + "value");
			}
			if (row.getValue() == null || row.getValue().isBlank()) {
				if (existing != null && row.changed()) {
					removed.add(existing.getId());
				}
				continue;
			}
			if (row.getNameZh() == null || row.getNameZh().isBlank()) {
				errors.rejectValue(prefix + "nameZh", "figure.longTail.nameRequired");
			}
			if (row.getUnit() == null || row.getUnit().isBlank()) {
				errors.rejectValue(prefix + "unit", "figure.longTail.unitRequired");
				continue;
			}
			// 万元 and 亿元 are stored as 元, as the importer stores them.
			Map.Entry<String, java.math.BigDecimal> unit = FigureFormat.splitUnit(row.getUnit().strip());
			Amount typed = amount(prefix + "value", row.getValue(), unit.getKey(), errors);
			Amount amount = typed == null || typed.isMissing() ? typed
					: new Amount(typed.value().multiply(unit.getValue()), typed.unit(), typed.qualifier());
			if (amount == null || row.getNameZh() == null || row.getNameZh().isBlank()) {
				continue;
			}
			if (existing != null && row.changed() && (!existing.getLabel().getNameZh().equals(row.getNameZh().strip())
					|| !existing.getUnit().equals(amount.unit()))) {
				removed.add(existing.getId()); // renamed or another unit: the figure moves to that label
			}
			figures.put(prefix + "value", new FigureInput(null, null,
					new FigureInput.LongTail(row.getNameZh().strip(), blankToNull(row.getNameEn()),
							row.getFamily() == null ? Family.OTHER : row.getFamily(),
							row.getKind() == null ? MetricKind.FLOW : row.getKind()),
					amount, null, false, existing == null ? null : existing.getSourceText(), row.getValue().strip(),
					existing == null ? null : existing.getNote()));
		}
		return new Reading(figures, changed, removed);
	}

	private static Amount amount(String field, String text, String unit, BindingResult errors) {
		try {
			ReadNumber number = FigureFormat.read(text);
			if (number.percent() && !"%".equals(unit)) {
				errors.rejectValue(field, "figure.rule.percentUnit", new Object[] { unit }, null);
				return null;
			}
			return new Amount(number.value(), unit, number.qualifier());
		}
		catch (FigureFormatException ex) {
			errors.rejectValue(field, ex.problem().messageKey(), ex.arguments(), ex.getMessage());
			return null;
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** The preview of every catalogue cell as typed in the form. */
	public Map<String, Preview> previews(FigureGridForm form) {
		Map<String, Preview> previews = new LinkedHashMap<>();
		for (Metric metric : this.catalogue) {
			String unit = form.getUnits().getOrDefault(metric.getKey(), metric.getUnit());
			previews.put(metric.getKey(), preview(form.getCells().get(metric.getKey()), unit));
		}
		return previews;
	}

	/** What a cell will store, for the preview beside it. */
	static Preview preview(String text, String unit) {
		if (text == null || text.isBlank()) {
			return new Preview(null, null, null, null);
		}
		try {
			ReadNumber number = FigureFormat.read(text);
			if (number.percent() && !"%".equals(unit)) {
				return new Preview(null, null, "figure.rule.percentUnit", new Object[] { unit });
			}
			Amount amount = new Amount(number.value(), unit, number.qualifier());
			return new Preview(amount, number.qualifier(), null, null);
		}
		catch (FigureFormatException ex) {
			return new Preview(null, null, ex.problem().messageKey(), ex.arguments());
		}
	}

	/** A cell's preview: the amount it will store, or why it cannot be read. */
	record Preview(Amount amount, Qualifier qualifier, String problemKey, Object[] problemArguments) {

		public boolean isEmpty() {
			return this.amount == null && this.problemKey == null;
		}

	}

}
