package org.unionreports.portal.region;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface RegionRepository extends Repository<Region, Long> {

	@Query("select r from Region r left join fetch r.parent where r.code = :code")
	Optional<Region> findByCode(String code);

	@Query("select r from Region r where r.code in :codes order by length(r.path)")
	List<Region> findByCodes(List<String> codes);

	@Query("select r from Region r where r.parent.id = :parentId order by r.code")
	List<Region> findChildren(Long parentId);

	@Query("select r from Region r where r.path like concat(:path, '%') and r.path <> :path order by r.path")
	List<Region> findBelow(String path);

	@Query("select r from Region r left join fetch r.parent where r.id in :ids")
	List<Region> findWithParent(List<Long> ids);

	Optional<Region> findById(Long id);

}
