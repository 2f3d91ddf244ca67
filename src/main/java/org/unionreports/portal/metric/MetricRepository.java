package org.unionreports.portal.metric;

import java.util.List;

import org.springframework.data.repository.Repository;

interface MetricRepository extends Repository<Metric, Long> {

	@org.springframework.data.jpa.repository.Query(
			"select m from Metric m left join fetch m.partOf left join fetch m.baseMetric order by m.sortOrder")
	List<Metric> findAllByOrderBySortOrder();

}
