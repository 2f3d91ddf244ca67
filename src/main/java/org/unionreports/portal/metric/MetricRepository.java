package org.unionreports.portal.metric;

import java.util.List;

import org.springframework.data.repository.Repository;

interface MetricRepository extends Repository<Metric, Long> {

	List<Metric> findAllByOrderBySortOrder();

}
