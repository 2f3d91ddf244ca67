package org.unionreports.portal.report;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ReportRepository extends Repository<Report, Long> {

	Report save(Report report);

	Optional<Report> findById(Long id);

	/** The report, its row locked until the transaction ends: changes to one report are made one at a time. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from Report r where r.id = :id")
	Optional<Report> findForChange(Long id);

	@Query("select r from Report r join fetch r.region where r.id = :id")
	Optional<Report> findWithRegion(Long id);

	@Query("select r from Report r join fetch r.region g where g.id = :regionId and r.status = 'PUBLISHED' order by r.periodEnd desc, r.periodStart")
	List<Report> findPublishedOf(Long regionId);

	@Query("select r from Report r join fetch r.region where r.status = 'PUBLISHED' order by r.publishedAt desc, r.id desc")
	List<Report> findLatestPublished(Limit limit);

	@Query("select r from Report r where r.region.code = :regionCode and r.periodStart = :first and r.periodEnd = :last")
	Optional<Report> findByRegionAndPeriod(String regionCode, int first, int last);

	long count();

	void flush();

}
