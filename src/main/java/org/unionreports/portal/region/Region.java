package org.unionreports.portal.region;

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
import jakarta.persistence.Table;

/**
 * A region of the federation tree: the country, a province, a prefecture, a county or a zone. Its code is
 * the 6-digit division code where it has one ({@code 610100} 西安市), or a code of our own otherwise.
 * {@code path} lists the codes from the root ({@code /000000/610000/610100/}) for subtree queries.
 */
@Entity
@Table(name = "region")
public class Region {

	public static final String NATIONAL_CODE = "000000";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true)
	private String code;

	@Column(name = "name_zh", nullable = false)
	private String nameZh;

	@Column(name = "name_en", nullable = false)
	private String nameEn;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private RegionLevel level;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "parent_id")
	private Region parent;

	@Column(nullable = false)
	private String path;

	@Column(name = "division_code", nullable = false)
	private boolean divisionCode;

	protected Region() {
	}

	public Long getId() {
		return this.id;
	}

	public String getCode() {
		return this.code;
	}

	public String getNameZh() {
		return this.nameZh;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	/** The name in the page's language: English for {@code en}, Chinese otherwise. */
	public String name(java.util.Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.nameEn : this.nameZh;
	}

	public RegionLevel getLevel() {
		return this.level;
	}

	public Region getParent() {
		return this.parent;
	}

	public String getPath() {
		return this.path;
	}

	public boolean isDivisionCode() {
		return this.divisionCode;
	}

	/** Whether {@code other} is this region or lies below it. */
	public boolean contains(Region other) {
		return other.path.startsWith(this.path);
	}

}
