package org.unionreports.portal.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.unionreports.portal.region.Region;
import org.unionreports.portal.shared.Period;

/** One region's work report for one period, with its sections and figures. */
@Entity
@Table(name = "report")
public class Report {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "region_id")
	private Region region;

	@Column(name = "period_start", nullable = false)
	private int periodStart;

	@Column(name = "period_end", nullable = false)
	private int periodEnd;

	@Column(nullable = false)
	private String title;

	@Column(name = "source_publisher")
	private String sourcePublisher;

	@Column(name = "source_date")
	private LocalDate sourceDate;

	@Column(name = "source_url")
	private String sourceUrl;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ReportStatus status = ReportStatus.DRAFT;

	@Column(name = "published_at")
	private Instant publishedAt;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt = Instant.now();

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt = Instant.now();

	@Version
	private long version;

	@OneToMany(mappedBy = "report", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<Section> sections = new ArrayList<>();

	protected Report() {
	}

	public Report(Region region, Period period, String title, Source source) {
		this.region = region;
		this.periodStart = period.firstYear();
		this.periodEnd = period.lastYear();
		this.title = title;
		setSource(source);
	}

	public Long getId() {
		return this.id;
	}

	public Region getRegion() {
		return this.region;
	}

	public Period getPeriod() {
		return new Period(this.periodStart, this.periodEnd);
	}

	public String getTitle() {
		return this.title;
	}

	public Source getSource() {
		return new Source(this.sourcePublisher, this.sourceDate, this.sourceUrl);
	}

	public final void setSource(Source source) {
		this.sourcePublisher = source.publisher();
		this.sourceDate = source.date();
		this.sourceUrl = source.url();
	}

	public ReportStatus getStatus() {
		return this.status;
	}

	public boolean isPublished() {
		return this.status == ReportStatus.PUBLISHED;
	}

	public Instant getPublishedAt() {
		return this.publishedAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public long getVersion() {
		return this.version;
	}

	public List<Section> getSections() {
		return this.sections;
	}

	public Section addSection(String heading, String narrative) {
		Section section = new Section(this, this.sections.size(), heading, narrative);
		this.sections.add(section);
		return section;
	}

	/** Inserts a section at a place; the sections after it move down one. */
	Section addSectionAt(int position, String heading, String narrative) {
		this.sections.stream().filter(section -> section.getPosition() >= position).forEach(Section::moveDown);
		Section section = new Section(this, position, heading, narrative);
		this.sections.add(position, section);
		return section;
	}

	void removeSection(Section section) {
		this.sections.remove(section);
	}

	/** Places 0, 1, 2 … after sections were removed. */
	void renumberSections() {
		for (int i = 0; i < this.sections.size(); i++) {
			Section section = this.sections.get(i);
			section.edit(i, section.getHeading(), section.getNarrative());
		}
	}

	/** Moves the report to a status; {@link ReportWorkflow} decides which moves are allowed. */
	void moveTo(ReportStatus status, Instant when) {
		this.status = status;
		this.publishedAt = status == ReportStatus.PUBLISHED ? when : null;
		this.updatedAt = when;
	}

	/** Staff may change a draft and a report returned for correction, nothing else. */
	public boolean isEditable() {
		return this.status == ReportStatus.DRAFT || this.status == ReportStatus.RETURNED;
	}

	/** Marks the report changed, which also moves its version on: a save on an older version is refused. */
	void touch() {
		this.updatedAt = Instant.now();
	}

}
