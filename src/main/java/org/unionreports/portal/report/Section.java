package org.unionreports.portal.report;

import java.util.Arrays;
import java.util.List;

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

/** A chapter of a report: its heading and its narrative, plain paragraphs separated by blank lines. */
@Entity
@Table(name = "section")
public class Section {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "report_id")
	private Report report;

	@Column(nullable = false)
	private int position;

	@Column(nullable = false)
	private String heading;

	@Column(nullable = false)
	private String narrative;

	@Version
	private long version;

	protected Section() {
	}

	Section(Report report, int position, String heading, String narrative) {
		this.report = report;
		this.position = position;
		this.heading = heading;
		this.narrative = narrative == null ? "" : narrative;
	}

	void edit(int position, String heading, String narrative) {
		this.position = position;
		this.heading = heading;
		this.narrative = narrative == null ? "" : narrative;
	}

	void moveDown() {
		this.position++;
	}

	public Long getId() {
		return this.id;
	}

	public int getPosition() {
		return this.position;
	}

	public String getHeading() {
		return this.heading;
	}

	public String getNarrative() {
		return this.narrative;
	}

	/** The narrative's paragraphs, for rendering each in its own element. */
	public List<String> getParagraphs() {
		return Arrays.stream(this.narrative.split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
	}

}
