package org.unionreports.portal.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.unionreports.portal.metric.Family;

/** A report with everything a page or export shows of it, loaded. */
public record ReportDocument(Report report, List<Section> sections, List<Figure> figures) {

	/** The figures of each section in the order of the report, then those in no section. */
	public Map<Section, List<Figure>> figuresBySection() {
		Map<Section, List<Figure>> grouped = new LinkedHashMap<>();
		this.sections.forEach(section -> grouped.put(section, this.figures.stream()
			.filter(f -> f.getSection() != null && Objects.equals(f.getSection().getId(), section.getId()))
			.toList()));
		return grouped;
	}

	public List<Figure> figuresWithoutSection() {
		return this.figures.stream().filter(f -> f.getSection() == null).toList();
	}

	/** The figures grouped by family, families in catalogue order. */
	public Map<Family, List<Figure>> figuresByFamily() {
		return this.figures.stream()
			.collect(Collectors.groupingBy(Figure::getFamily, () -> new java.util.EnumMap<>(Family.class),
					Collectors.toList()));
	}

	public long missingCount() {
		return this.figures.stream().filter(Figure::isMissing).count();
	}

}
