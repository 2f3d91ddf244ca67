package org.unionreports.portal.metric;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of the union statistics table: what is counted, in which unit, and how it rolls up. */
@Entity
@Table(name = "metric")
public class Metric {

	@Id
	private Long id;

	@Column(nullable = false, unique = true)
	private String key;

	@Column(name = "name_zh", nullable = false)
	private String nameZh;

	@Column(name = "name_en", nullable = false)
	private String nameEn;

	@Column(nullable = false)
	private Family family;

	@Column(nullable = false)
	private String unit;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "unit_synonyms", nullable = false)
	private List<String> unitSynonyms;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "aliases_zh", nullable = false)
	private List<String> aliasesZh;

	@Column(nullable = false)
	private MetricKind kind;

	@Column(nullable = false)
	private Rollup rollup;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "base_metric_id")
	private Metric baseMetric;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "part_of_metric_id")
	private Metric partOf;

	@Column(name = "min_value")
	private BigDecimal minValue;

	@Column(name = "max_value")
	private BigDecimal maxValue;

	@Column(nullable = false)
	private boolean headline;

	@Column(name = "sort_order", nullable = false)
	private int sortOrder;

	protected Metric() {
	}

	public Long getId() {
		return this.id;
	}

	public String getKey() {
		return this.key;
	}

	public String getNameZh() {
		return this.nameZh;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.nameEn : this.nameZh;
	}

	public Family getFamily() {
		return this.family;
	}

	public String getUnit() {
		return this.unit;
	}

	public List<String> getUnitSynonyms() {
		return this.unitSynonyms;
	}

	public List<String> getAliasesZh() {
		return this.aliasesZh;
	}

	public MetricKind getKind() {
		return this.kind;
	}

	public Rollup getRollup() {
		return this.rollup;
	}

	public Metric getBaseMetric() {
		return this.baseMetric;
	}

	/** The metric this one counts a part of (new-employment-form members of members), if any. */
	public Metric getPartOf() {
		return this.partOf;
	}

	public BigDecimal getMinValue() {
		return this.minValue;
	}

	public BigDecimal getMaxValue() {
		return this.maxValue;
	}

	public boolean isHeadline() {
		return this.headline;
	}

	public int getSortOrder() {
		return this.sortOrder;
	}

	/** Whether a figure in {@code unit} counts what this metric counts (人 and 名 do; 人次 does not). */
	public boolean accepts(String unit) {
		return this.unit.equals(unit) || this.unitSynonyms.contains(unit);
	}

}
