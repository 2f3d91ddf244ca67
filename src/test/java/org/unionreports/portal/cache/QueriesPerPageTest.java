package org.unionreports.portal.cache;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import org.unionreports.portal.OwnTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * How many SQL statements a page costs, counted at the JDBC connection, with the caches off so that every
 * view computes everything: a bound on each page, so that a change that makes one query per region or per
 * figure fails here rather than in production.
 */
@SpringBootTest(properties = "portal.data-cache=false")
@AutoConfigureMockMvc
@ContextConfiguration(initializers = OwnTestDatabase.class)
@DirtiesContext
@Import(QueriesPerPageTest.CountingDataSource.class)
class QueriesPerPageTest {

	static final AtomicInteger STATEMENTS = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	private int statementsFor(String url) throws Exception {
		this.mvc.perform(get(url)).andExpect(status().isOk());
		STATEMENTS.set(0);
		this.mvc.perform(get(url)).andExpect(status().isOk());
		return STATEMENTS.get();
	}

	@Test
	void aDashboardCostsAFewQueriesHoweverManyRegionsAreBelowIt() throws Exception {
		int country = statementsFor("/regions/000000?period=2018-2022");
		int province = statementsFor("/regions/650000?period=2018-2022");
		int county = statementsFor("/regions/610102");
		// The walk reads a level at a time (two or three statements a level, four levels below the country
		// where, as in the demo data, only a few cities report), never one per region: 3,340 regions would
		// show here as thousands.
		assertThat(country).as("statements for the country's dashboard").isLessThanOrEqualTo(50);
		assertThat(province).as("statements for a province's dashboard").isLessThanOrEqualTo(50);
		assertThat(county).as("statements for a county's dashboard").isLessThanOrEqualTo(25);
	}

	@Test
	void aReportPageAndItsExportsCostAFewQueries() throws Exception {
		assertThat(statementsFor("/reports/1")).as("statements for a report page").isLessThanOrEqualTo(8);
		// The export draws the region's charts too, so it walks the region's tree like its dashboard.
		assertThat(statementsFor("/reports/1/export.csv")).as("statements for a report's CSV").isLessThanOrEqualTo(50);
		assertThat(statementsFor("/api/regions/650000/figures?period=2018-2022")).as("statements for the figures API")
			.isLessThanOrEqualTo(25);
	}

	/** Wraps the data source so that every statement prepared or created on its connections is counted. */
	@TestConfiguration
	static class CountingDataSource {

		@Bean
		static BeanPostProcessor countStatements() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (!(bean instanceof DataSource dataSource)) {
						return bean;
					}
					return Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] { DataSource.class },
							(proxy, method, args) -> {
								Object result = invoke(method, dataSource, args);
								return result instanceof Connection connection ? counting(connection) : result;
							});
				}
			};
		}

		private static Connection counting(Connection connection) {
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
					(proxy, method, args) -> {
						if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")
								|| method.getName().equals("prepareCall")) {
							STATEMENTS.incrementAndGet();
						}
						return invoke(method, connection, args);
					});
		}

		private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		}

	}

}
