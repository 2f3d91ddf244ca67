package org.unionreports.portal.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document of the public JSON API ({@code /v3/api-docs}, shown at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI portalApi() {
		return new OpenAPI()
			.info(new Info().title("Union Work-Report Portal API · 工会工作报告平台接口")
				.version("1")
				.description("""
						Regions, reports and their figures, rolled up over the regions below. Reading is open to \
						everyone (published figures only) and to browsers of any site (CORS, GET only). Writing needs \
						a user with the right role and region, by HTTP Basic. Figures are exact numbers with a \
						qualifier (余, 多, 超, 近, 以上, 约) saying how the report wrote them. A rolled-up value 						carries the qualifier its parts allow: one part keeps its own, exact + 余 is 余, 以上 + 余 is 						以上, 近 with an "over" is 约, and a rate never takes 余; a range of rates gives each end's 						qualifier in minQualifier and maxQualifier.""")
				.license(new License().name("Figures: free to reuse with attribution to the source report")))
			.components(new Components().addSecuritySchemes("basic",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
	}

}
