package org.unionreports.portal.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import org.unionreports.portal.dataimport.DemoReports;
import org.unionreports.portal.region.RegionLoader;

/** On an empty database: the regions, then the demo reports (unless {@code portal.demo-data=false}). */
@Component
class InitialData implements ApplicationRunner {

	private final RegionLoader regions;

	private final DemoReports demoReports;

	private final boolean demoData;

	InitialData(RegionLoader regions, DemoReports demoReports, @Value("${portal.demo-data:true}") boolean demoData) {
		this.regions = regions;
		this.demoReports = demoReports;
		this.demoData = demoData;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.regions.loadIfEmpty();
		if (this.demoData) {
			this.demoReports.loadIfEmpty();
		}
	}

}
