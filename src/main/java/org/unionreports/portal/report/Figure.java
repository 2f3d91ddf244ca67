package org.unionreports.portal.report;

import java.math.BigDecimal;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Immutable;

import org.unionreports.portal.metric.Family;
import org.unionreports.portal.metric.Metric;
import org.unionreports.portal.metric.MetricKind;
import org.unionreports.portal.shared.Amount;
import org.unionreports.portal.shared.Period;
import org.unionreports.portal.shared.Qualifier;

/**
 * One metric's value in one report: a catalogue metric or a long-tail label, the amount as the report
 * states it, the text it came from, and a note. A figure whose source lost the number is missing, not zero.
 * Read through JPA; written in bulk by {@link FigureStore}, which records every change.
 */
@Entity
@Immutable
@Table(name = "figure")
public class Figure {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "report_id")
	private Report report;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "section_id")
	private Section section;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "metric_id")
	private Metric metric;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "label_id")
	private FigureLabel label;

	/** The catalogue metric this figure means while another figure of the report holds it: a conflict. */
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "claimed_metric_id")
	private Metric claimedMetric;

	@Column(nullable = false)
	private String subject;

	@Column(nullable = false)
	private int occurrence;

	private String flag;

	@Column(nullable = false)
	private String unit;

	private BigDecimal value;

	@Column(nullable = false)
	private Qualifier qualifier = Qualifier.EXACT;

	@Column(nullable = false)
	private boolean missing;

	@Column(nullable = false)
	private boolean target;

	@Column(name = "period_start", nullable = false)
	private int periodStart;

	@Column(name = "period_end", nullable = false)
	private int periodEnd;

	@Column(name = "source_text")
	private String sourceText;

	@Column(name = "number_text")
	private String numberText;

	private String note;

	@Column(nullable = false)
	private int position;

	@Version
	private long version;

	protected Figure() {
	}

	public Long getId() {
		return this.id;
	}

	public Report getReport() {
		return this.report;
	}

	public Section getSection() {
		return this.section;
	}

	public Metric getMetric() {
		return this.metric;
	}

	public FigureLabel getLabel() {
		return this.label;
	}

	public boolean isCatalogued() {
		return this.metric != null;
	}

	/** The catalogue metric the figure means, whether it holds it or claims it in a conflict. */
	public Metric getMeantMetric() {
		return this.metric != null ? this.metric : this.claimedMetric;
	}

	/** Whether another figure of the report holds the catalogue metric this one means. */
	public boolean isInConflict() {
		return this.claimedMetric != null;
	}

	/** What the source says the figure counts ("新建基层工会"): its identity in the report, with unit and period. */
	public String getSubject() {
		return this.subject;
	}

	public int getOccurrence() {
		return this.occurrence;
	}

	/** Why a figure that breaks a soft rule is kept (its note explains), or null. */
	public FigureInput.Flag getFlag() {
		return FigureInput.Flag.fromCode(this.flag);
	}

	public String name(Locale locale) {
		return this.metric != null ? this.metric.name(locale) : this.label.name(locale);
	}

	public String getNameZh() {
		return this.metric != null ? this.metric.getNameZh() : this.label.getNameZh();
	}

	public String getNameEn() {
		return this.metric != null ? this.metric.getNameEn() : this.label.getNameEn();
	}

	public Family getFamily() {
		return this.metric != null ? this.metric.getFamily() : this.label.getFamily();
	}

	/** The figure's kind: a target whatever its metric, else the metric's or label's kind. */
	public MetricKind getKind() {
		if (this.target) {
			return MetricKind.TARGET;
		}
		return this.metric != null ? this.metric.getKind() : this.label.getKind();
	}

	public Amount getAmount() {
		return new Amount(this.value, this.unit, this.qualifier);
	}

	public String getUnit() {
		return this.unit;
	}

	public BigDecimal getValue() {
		return this.value;
	}

	public Qualifier getQualifier() {
		return this.qualifier;
	}

	public boolean isMissing() {
		return this.missing;
	}

	public boolean isTarget() {
		return this.target;
	}

	public Period getPeriod() {
		return new Period(this.periodStart, this.periodEnd);
	}

	public String getSourceText() {
		return this.sourceText;
	}

	public String getNumberText() {
		return this.numberText;
	}

	public String getNote() {
		return this.note;
	}

	/** This figure as it would be without its note: to see which rule it breaks before it is explained. */
	Figure withoutNote() {
		Figure copy = new Figure();
		copy.id = this.id;
		copy.report = this.report;
		copy.section = this.section;
		copy.metric = this.metric;
		copy.label = this.label;
		copy.claimedMetric = this.claimedMetric;
		copy.subject = this.subject;
		copy.unit = this.unit;
		copy.value = this.value;
		copy.qualifier = this.qualifier;
		copy.missing = this.missing;
		copy.target = this.target;
		copy.periodStart = this.periodStart;
		copy.periodEnd = this.periodEnd;
		return copy;
	}

	public int getPosition() {
		return this.position;
	}

}
