package org.unionreports.portal.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface UserRepository extends Repository<PortalUser, Long> {

	@Query("select u from PortalUser u left join fetch u.regions where lower(u.username) = lower(:username)")
	Optional<PortalUser> findByUsername(String username);

	@Query("select distinct u from PortalUser u left join fetch u.regions where u.id = :id")
	Optional<PortalUser> findById(Long id);

	@Query("select distinct u from PortalUser u left join fetch u.regions order by u.username")
	List<PortalUser> findAllWithRegions();

	@Query("select u.passwordMustChange from PortalUser u where lower(u.username) = lower(:username)")
	Optional<Boolean> passwordMustChange(String username);

	PortalUser save(PortalUser user);

	long count();

}
