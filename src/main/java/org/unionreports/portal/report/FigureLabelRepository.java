package org.unionreports.portal.report;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface FigureLabelRepository extends Repository<FigureLabel, Long> {

	Optional<FigureLabel> findByNameZhAndUnit(String nameZh, String unit);

	FigureLabel save(FigureLabel label);

}
