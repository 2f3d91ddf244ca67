package org.unionreports.portal.report;

import java.math.BigDecimal;
import java.util.List;

import org.unionreports.portal.metric.Family;
import org.unionreports.portal.metric.MetricCatalogue;
import org.unionreports.portal.metric.MetricKind;
import org.unionreports.portal.shared.Amount;
import org.unionreports.portal.shared.Period;
import org.unionreports.portal.shared.Qualifier;

/**
 * What a proposal would write, kept as JSON until a leader decides: each figure as given and the figures
 * removed, or the sections as the editor sent them (null for a revision of figures).
 */
record RevisionPayload(List<Item> figures, List<Long> removed, List<SectionItem> sections) {

	static RevisionPayload of(List<FigureInput> inputs, List<Long> removed) {
		return new RevisionPayload(inputs.stream().map(Item::of).toList(), removed == null ? List.of() : List.copyOf(removed),
				null);
	}

	static RevisionPayload ofSections(List<ReportEntry.SectionEdit> sections) {
		return new RevisionPayload(List.of(), List.of(), sections.stream().map(SectionItem::of).toList());
	}

	List<FigureInput> inputs(MetricCatalogue catalogue) {
		MetricCatalogue.Lookup metrics = catalogue.snapshot();
		return this.figures == null ? List.of() : this.figures.stream().map(item -> item.input(metrics)).toList();
	}

	/** One section as the editor sent it. */
	record SectionItem(Long id, String heading, String narrative) {

		static SectionItem of(ReportEntry.SectionEdit edit) {
			return new SectionItem(edit.id(), edit.heading(), edit.narrative());
		}

		ReportEntry.SectionEdit edit() {
			return new ReportEntry.SectionEdit(this.id, this.heading, this.narrative);
		}

	}

	/** One {@link FigureInput}, with its metric by key. */
	record Item(String section, String metricKey, String longTailZh, String longTailEn, String family, String kind,
			BigDecimal value, String unit, String qualifier, Integer periodStart, Integer periodEnd, boolean target,
			String sourceText, String numberText, String note, String subject, boolean holdsMetric, String flag) {

		static Item of(FigureInput input) {
			FigureInput.LongTail longTail = input.longTail();
			return new Item(input.sectionHeading(), input.metric() == null ? null : input.metric().getKey(),
					longTail == null ? null : longTail.nameZh(), longTail == null ? null : longTail.nameEn(),
					longTail == null ? null : longTail.family().code(), longTail == null ? null : longTail.kind().code(),
					input.amount().value(), input.amount().unit(), input.amount().qualifier().code(),
					input.period() == null ? null : input.period().firstYear(),
					input.period() == null ? null : input.period().lastYear(), input.target(), input.sourceText(),
					input.numberText(), input.note(), input.subject(), input.holdsMetric(),
					input.flag() == null ? null : input.flag().code());
		}

		FigureInput input(MetricCatalogue.Lookup metrics) {
			var metric = this.metricKey == null ? null
					: metrics.byKey(this.metricKey)
						.orElseThrow(() -> new IllegalStateException("the catalogue lost the metric " + this.metricKey));
			FigureInput.LongTail longTail = this.longTailZh == null ? null
					: new FigureInput.LongTail(this.longTailZh, this.longTailEn, Family.fromCode(this.family).orElseThrow(),
							MetricKind.fromCode(this.kind).orElseThrow());
			Period period = this.periodStart == null ? null : new Period(this.periodStart, this.periodEnd);
			return new FigureInput(this.section, metric, longTail,
					new Amount(this.value, this.unit, Qualifier.fromCode(this.qualifier).orElseThrow()), period,
					this.target, this.sourceText, this.numberText, this.note, this.subject, this.holdsMetric,
					FigureInput.Flag.fromCode(this.flag));
		}

	}

}
