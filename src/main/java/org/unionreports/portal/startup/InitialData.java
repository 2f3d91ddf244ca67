package org.unionreports.portal.startup;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import org.unionreports.portal.dataimport.DemoReports;
import org.unionreports.portal.identity.Access;
import org.unionreports.portal.identity.FirstAdministrator;
import org.unionreports.portal.identity.MetricsAccount;
import org.unionreports.portal.region.RegionLoader;
import org.unionreports.portal.synthetic.SyntheticNational;

/**
 * On an empty database: the regions, the first administrator, the scraper's account when one is configured,
 * then the demo reports (unless {@code portal.demo-data=false}) or, with {@code portal.synthetic=national},
 * the national-scale synthetic data set in their place, loaded with the rights of the system. This runs
 * once every bean is ready and before the web server takes its first request, so nobody sees a portal
 * without its regions.
 */
@Component
class InitialData implements SmartInitializingSingleton {

	private final RegionLoader regions;

	private final FirstAdministrator administrator;

	private final MetricsAccount metricsAccount;

	private final DemoReports demoReports;

	private final SyntheticNational synthetic;

	private final InitialDataSettings settings;

	InitialData(RegionLoader regions, FirstAdministrator administrator, MetricsAccount metricsAccount,
			DemoReports demoReports, SyntheticNational synthetic, InitialDataSettings settings) {
		this.regions = regions;
		this.administrator = administrator;
		this.metricsAccount = metricsAccount;
		this.demoReports = demoReports;
		this.synthetic = synthetic;
		this.settings = settings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.regions.loadIfEmpty();
		this.administrator.createIfNeeded();
		this.metricsAccount.createIfNeeded();
		if (this.settings.synthetic() == InitialDataSettings.SyntheticSet.NATIONAL) {
			Access.asSystem(this.synthetic::loadIfEmpty);
		}
		else if (this.settings.demoData()) {
			Access.asSystem(this.demoReports::loadIfEmpty);
		}
	}

}
