package org.unionreports.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The portal. Its settings are records annotated {@code @ConfigurationProperties}, one per concern, found
 * here by the scan and checked as they are bound: a wrong value stops the start with one sentence naming
 * the setting ({@code SettingsFailureAnalyzer}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

	public static void main(String[] args) {
		SpringApplication.run(PortalApplication.class, args);
	}

}
