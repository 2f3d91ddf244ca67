package org.unionreports.portal.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.endpoint.jackson.EndpointJsonMapper;
import org.springframework.boot.health.actuate.endpoint.SystemHealthDescriptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The actuator's JSON, as Spring Boot writes it (its own mapper, leaving out nulls), but the bare
 * {@code /actuator/health} answers {@code {"status":"UP"}} as CONTRACT.md promises: with the liveness and
 * readiness probes on, Boot would also list their names ({@code "groups"}) there. The probes themselves
 * answer at {@code /actuator/health/liveness} and {@code /readiness} as before.
 */
@Configuration(proxyBeanMethods = false)
class HealthJson {

	@Bean
	EndpointJsonMapper healthAsPromisedJsonMapper() {
		JsonMapper mapper = JsonMapper.builder()
			.changeDefaultPropertyInclusion(
					inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL)
						.withContentInclusion(JsonInclude.Include.NON_NULL))
			.addMixIn(SystemHealthDescriptor.class, WithoutGroups.class)
			.build();
		return () -> mapper;
	}

	@JsonIgnoreProperties("groups")
	private interface WithoutGroups {

	}

}
