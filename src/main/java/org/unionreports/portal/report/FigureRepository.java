package org.unionreports.portal.report;

import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface FigureRepository extends Repository<Figure, Long> {

	@Query("""
			select f from Figure f left join fetch f.metric left join fetch f.label left join fetch f.claimedMetric
			left join fetch f.section
			where f.report.id = :reportId order by f.position, f.id""")
	List<Figure> findByReport(Long reportId);

}
