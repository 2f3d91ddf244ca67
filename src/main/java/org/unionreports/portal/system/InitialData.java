package org.unionreports.portal.system;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.unionreports.portal.dataimport.DemoReports;
import org.unionreports.portal.identity.Access;
import org.unionreports.portal.identity.FirstAdministrator;
import org.unionreports.portal.region.RegionLoader;

/**
 * On an empty database: the regions, the first administrator, then the demo reports (unless
 * {@code portal.demo-data=false}), loaded with the rights of the system. This runs once every bean is
 * ready and before the web server takes its first request, so nobody sees a portal without its regions.
 */
@Component
class InitialData implements SmartInitializingSingleton {

	private final RegionLoader regions;

	private final FirstAdministrator administrator;

	private final DemoReports demoReports;

	private final boolean demoData;

	InitialData(RegionLoader regions, FirstAdministrator administrator, DemoReports demoReports,
			@Value("${portal.demo-data:true}") boolean demoData) {
		this.regions = regions;
		this.administrator = administrator;
		this.demoReports = demoReports;
		this.demoData = demoData;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.regions.loadIfEmpty();
		this.administrator.createIfNeeded();
		if (this.demoData) {
			Access.asSystem(this.demoReports::loadIfEmpty);
		}
	}

}
