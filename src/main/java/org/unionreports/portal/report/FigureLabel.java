package org.unionreports.portal.report;

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

import org.unionreports.portal.metric.Family;
import org.unionreports.portal.metric.Metric;
import org.unionreports.portal.metric.MetricKind;

/**
 * A figure's name when it is not a catalogue metric: the long tail that most reports are made of. It can be
 * mapped onto a catalogue metric later.
 */
@Entity
@Table(name = "figure_label")
public class FigureLabel {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "name_zh", nullable = false)
	private String nameZh;

	@Column(name = "name_en")
	private String nameEn;

	@Column(nullable = false)
	private String unit;

	@Column(nullable = false)
	private Family family;

	@Column(nullable = false)
	private MetricKind kind;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "mapped_metric_id")
	private Metric mappedMetric;

	protected FigureLabel() {
	}

	public FigureLabel(String nameZh, String nameEn, String unit, Family family, MetricKind kind) {
		this.nameZh = nameZh;
		this.nameEn = nameEn;
		this.unit = unit;
		this.family = family;
		this.kind = kind;
	}

	public Long getId() {
		return this.id;
	}

	public String getNameZh() {
		return this.nameZh;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) && this.nameEn != null ? this.nameEn : this.nameZh;
	}

	public String getUnit() {
		return this.unit;
	}

	public Family getFamily() {
		return this.family;
	}

	public MetricKind getKind() {
		return this.kind;
	}

	public Metric getMappedMetric() {
		return this.mappedMetric;
	}

}
