package org.unionreports.portal.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.unionreports.portal.PortalTest;
import org.unionreports.portal.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every mapped endpoint has an access rule here, and every rule is tried: anonymous visitors are sent to
 * the login (pages) or get 401 (API); staff of another region get 403 and the database is unchanged;
 * staff calling a leader's action get 403; a browser write without its CSRF token gets 403; and one who had
 * the right, signed in, and whose rights were removed while the session was open (issue 17, finding 4) is
 * sent to the login or gets 401, the database unchanged; the scraper's account (METRICS) gets 403 from every
 * API endpoint and page. A new endpoint without an entry in {@link #RULES} fails
 * {@link #everyMappedEndpointHasATestedAccessRule()}. The actuator's endpoints are not Spring MVC handler
 * mappings and are not listed here: {@code ActuatorTest} holds their rules.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointAccessTest {

	enum Rule {

		/** Anyone may read; unpublished data inside is filtered by scope (tested in DraftVisibilityTest). */
		PUBLIC,
		/** Pages for any signed-in user. */
		SIGNED_IN_PAGE,
		/** Pages of administrators. */
		ADMIN_PAGE,
		/** The administrators' API. */
		ADMIN_API,
		/** API writes for staff whose regions cover the report's region. */
		STAFF_API,
		/** API steps for leaders whose regions cover the report's region. */
		LEADER_API,
		/** Staff pages about one report: for staff whose regions cover it. */
		STAFF_PAGE,
		/** Leaders' workflow steps in the browser. */
		LEADER_PAGE,
		/** API calls for any signed-in user that write nothing (extraction). */
		SIGNED_IN_API,
		/** API reads of what is not public (a revision that waits): users whose regions cover the report. */
		SCOPED_API_READ

	}

	/** Method and pattern of every endpoint, with its rule. */
	static final Map<String, Rule> RULES = new LinkedHashMap<>();

	static {
		for (String page : List.of("GET /", "GET /regions/{code}", "GET /regions/{code}/compare",
				"GET /regions/{code}/trend.csv", "GET /regions/{code}/ranking.csv", "GET /regions/{code}/embed",
				"GET /regions/{code}/workings",
				"GET /regions/{code}/export.csv", "GET /regions/{code}/export.xlsx", "GET /reports/{id}/export.csv",
				"GET /reports/{id}/export.xlsx", "GET /reports/{id}/summary", "GET /reports/{id}", "GET /login",
				"GET /regions/{code}/export.pdf", "GET /reports/{id}/export.pdf", "GET /v3/api-docs",
				"GET /v3/api-docs.yaml", "GET /v3/api-docs/swagger-config", "GET /swagger-ui.html",
				"GET /api/regions", "GET /api/regions/{code}", "GET /api/regions/{code}/figures", "GET /api/reports/{id}",
				"* /error")) {
			RULES.put(page, Rule.PUBLIC);
		}
		RULES.put("GET /account/password", Rule.SIGNED_IN_PAGE);
		RULES.put("GET /staff", Rule.SIGNED_IN_PAGE);
		RULES.put("GET /staff/reports/new", Rule.SIGNED_IN_PAGE);
		RULES.put("GET /staff/figure-preview", Rule.SIGNED_IN_PAGE);
		RULES.put("GET /staff/import-template.csv", Rule.SIGNED_IN_PAGE);
		RULES.put("GET /staff/import-template.xlsx", Rule.SIGNED_IN_PAGE);
		RULES.put("GET /staff/reports/{id}/import", Rule.STAFF_PAGE);
		RULES.put("POST /staff/reports/{id}/import", Rule.STAFF_PAGE);
		RULES.put("POST /staff/reports/{id}/import/confirm", Rule.STAFF_PAGE);
		RULES.put("POST /api/reports/{id}/figures/import", Rule.STAFF_API);
		RULES.put("GET /staff/reports/{id}/extract", Rule.STAFF_PAGE);
		RULES.put("POST /staff/reports/{id}/extract", Rule.STAFF_PAGE);
		RULES.put("POST /staff/reports/{id}/extract/accept", Rule.STAFF_PAGE);
		RULES.put("POST /staff/reports/{id}/extract/accept.json", Rule.STAFF_PAGE);
		RULES.put("POST /api/extract", Rule.SIGNED_IN_API);
		RULES.put("POST /api/reports/{id}/text", Rule.STAFF_API);
		RULES.put("POST /api/reports/{id}/figures/{figureId}/metric", Rule.STAFF_API);
		RULES.put("POST /api/reports/{id}/figures/{figureId}/note", Rule.STAFF_API);
		RULES.put("POST /staff/reports/{id}/figures/{figureId}/metric", Rule.STAFF_PAGE);
		RULES.put("POST /staff/reports/{id}/figures/{figureId}/note", Rule.STAFF_PAGE);
		for (String page : List.of("POST /staff/reports", "GET /staff/reports/{id}", "GET /staff/reports/{id}/history",
				"GET /staff/reports/{id}/sections", "POST /staff/reports/{id}/sections",
				"GET /staff/reports/{id}/figures", "POST /staff/reports/{id}/figures",
				"POST /staff/reports/{id}/submit")) {
			RULES.put(page, Rule.STAFF_PAGE);
		}
		RULES.put("POST /staff/reports/{id}/approve", Rule.LEADER_PAGE);
		RULES.put("POST /staff/reports/{id}/return", Rule.LEADER_PAGE);
		RULES.put("POST /staff/reports/{id}/publish", Rule.LEADER_PAGE);
		RULES.put("POST /account/password", Rule.SIGNED_IN_PAGE);
		for (String page : List.of("GET /admin/users", "GET /admin/users/new", "POST /admin/users",
				"GET /admin/users/{id}", "POST /admin/users/{id}", "POST /admin/users/{id}/disable",
				"POST /admin/users/{id}/enable", "POST /admin/users/{id}/password", "GET /admin/security-events")) {
			RULES.put(page, Rule.ADMIN_PAGE);
		}
		RULES.put("POST /api/admin/users", Rule.ADMIN_API);
		RULES.put("POST /api/reports", Rule.STAFF_API);
		RULES.put("POST /api/reports/{id}/submit", Rule.STAFF_API);
		RULES.put("POST /api/reports/{id}/approve", Rule.LEADER_API);
		RULES.put("POST /api/reports/{id}/return", Rule.LEADER_API);
		RULES.put("POST /api/reports/{id}/publish", Rule.LEADER_API);
		// Issue 17, finding 6: revisions of a published report's figures wait for a leader in scope.
		RULES.put("GET /api/reports/{id}/revisions/{n}", Rule.SCOPED_API_READ);
		RULES.put("POST /api/reports/{id}/revisions/{n}/approve", Rule.LEADER_API);
		RULES.put("POST /api/reports/{id}/revisions/{n}/return", Rule.LEADER_API);
		RULES.put("POST /staff/reports/{id}/revisions/{n}/approve", Rule.LEADER_PAGE);
		RULES.put("POST /staff/reports/{id}/revisions/{n}/return", Rule.LEADER_PAGE);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUsers users;

	@Autowired
	UserAdministration administration;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/** A report of 西安市 in each status a step starts from. */
	final Map<String, Long> reports = new LinkedHashMap<>();

	Long targetUserId;

	@BeforeAll
	void createUsersAndReports() {
		this.users.ensure("ea-admin", Role.ADMIN, "000000");
		this.users.ensure("ea-xian-staff", Role.STAFF, "610100");
		this.users.ensure("ea-xinjiang-staff", Role.STAFF, "650000");
		this.users.ensure("ea-shaanxi-leader", Role.LEADER, "610000");
		this.users.ensure("ea-xinjiang-leader", Role.LEADER, "650000");
		this.users.ensure("ea-target", Role.STAFF, "610100");
		this.users.ensure("ea-metrics", Role.METRICS);
		this.targetUserId = this.jdbc.sql("select id from app_user where username = 'ea-target'").query(Long.class).single();
		this.reports.put("DRAFT", report(2001, "DRAFT"));
		this.reports.put("SUBMITTED", report(2002, "SUBMITTED"));
		this.reports.put("APPROVED", report(2003, "APPROVED"));
	}

	private Long report(int year, String status) {
		return this.jdbc.sql("""
				insert into report (region_id, period_start, period_end, title, status)
				values ((select id from region where code = '610100'), :year, :year, '访问测试', :status)
				on conflict (region_id, period_start, period_end) do update set status = excluded.status, published_at = null
				returning id""")
			.param("year", year)
			.param("status", status)
			.query(Long.class)
			.single();
	}

	@Test
	void everyMappedEndpointHasATestedAccessRule() {
		Set<String> mapped = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("*")
					: info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet());
			for (String pattern : info.getPatternValues()) {
				methods.forEach(method -> mapped.add(method + " " + pattern));
			}
		}
		assertThat(RULES.keySet()).as("endpoints with a rule; add a rule for each new endpoint")
			.containsExactlyInAnyOrderElementsOf(mapped);
	}

	/** One concrete request to an endpoint, given the ids of the fixtures. */
	private AbstractMockHttpServletRequestBuilder<?> request(String endpoint) {
		String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
		String path = pattern.replace("{code}", "610100").replace("{id}", idFor(endpoint)).replace("{figureId}", "1")
			.replace("{n}", "1");
		boolean write = endpoint.startsWith("POST");
		AbstractMockHttpServletRequestBuilder<?> request = write ? post(path) : get(path);
		byte[] figureFile = "metric_zh,unit,value\n工会会员数,人,100\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		if (endpoint.equals("POST /staff/reports/{id}/import")) {
			request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(path)
				.file("file", figureFile);
		}
		if ((endpoint.endsWith(".csv") || endpoint.endsWith("/workings")) && endpoint.startsWith("GET /regions/")) {
			request.param("metric", "members");
		}
		if (endpoint.equals("POST /api/reports/{id}/figures/import")) {
			request.contentType("text/csv").content(figureFile);
		}
		if (endpoint.equals("POST /api/reports/{id}/figures/{figureId}/metric")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"metricKey\":\"members\"}");
		}
		if (endpoint.equals("POST /api/reports/{id}/figures/{figureId}/note")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"按原文\"}");
		}
		if (endpoint.equals("POST /staff/reports/{id}/figures/{figureId}/note")) {
			request.param("note", "按原文");
		}
		if (endpoint.equals("POST /api/extract") || endpoint.equals("POST /staff/reports/{id}/extract")
				|| endpoint.equals("POST /api/reports/{id}/text")) {
			request.contentType("text/plain;charset=UTF-8").content("全市工会会员435万余人。".getBytes(java.nio.charset.StandardCharsets.UTF_8));
			request.param("text", "全市工会会员435万余人。");
		}
		if (endpoint.equals("POST /staff/reports/{id}/extract/accept")) {
			request.param("figures[0].accept", "true").param("figures[0].value", "435万余").param("figures[0].unit", "人")
				.param("figures[0].metricKey", "members").param("importSections", "false");
		}
		if (endpoint.equals("POST /staff/reports/{id}/extract/accept.json")) {
			request.contentType(MediaType.APPLICATION_JSON)
				.content("{\"importSections\":false,\"figures\":[{\"accept\":true,\"value\":\"435万余\","
						+ "\"unit\":\"人\",\"metricKey\":\"members\"}]}");
		}
		if (endpoint.equals("POST /api/admin/users")) {
			request.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"ea-new-user\",\"password\":\"" + TestUsers.PASSWORD
						+ "\",\"role\":\"STAFF\",\"regionCodes\":[\"610100\"]}");
		}
		else if (endpoint.equals("POST /api/reports")) {
			request.contentType(MediaType.APPLICATION_JSON)
				.content("{\"regionCode\":\"610100\",\"periodStart\":2004,\"periodEnd\":2004,\"title\":\"新报告\"}");
		}
		else if (endpoint.equals("POST /staff/reports")) {
			request.param("regionCode", "610100").param("periodStart", "2005").param("title", "新报告");
		}
		else if (endpoint.equals("POST /staff/reports/{id}/return")) {
			request.param("comment", "请核对数字");
		}
		else if (endpoint.equals("POST /staff/reports/{id}/figures")) {
			request.param("version", "0").param("cells[members]", "100");
		}
		else if (endpoint.equals("POST /staff/reports/{id}/sections")) {
			request.param("version", "0").param("sections[0].heading", "新章节");
		}
		else if (endpoint.equals("GET /staff/figure-preview")) {
			request.param("unit", "人").param("cells[members]", "435万余");
		}
		else if (endpoint.equals("POST /api/reports/{id}/revisions/{n}/return")
				|| endpoint.equals("POST /staff/reports/{id}/revisions/{n}/return")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"请核对数字\"}").param("comment", "请核对数字");
		}
		else if (endpoint.equals("POST /api/reports/{id}/return")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"请核对数字\"}");
		}
		else if (endpoint.equals("POST /admin/users")) {
			request.param("username", "ea-new-page-user").param("password", TestUsers.PASSWORD).param("role", "STAFF")
				.param("regionCodes", "610100");
		}
		else if (endpoint.equals("POST /admin/users/{id}")) {
			request.param("role", "LEADER").param("regionCodes", "610000");
		}
		else if (endpoint.equals("POST /admin/users/{id}/password")) {
			request.param("password", "Another-Orbit-Kettle-77");
		}
		else if (endpoint.equals("POST /account/password")) {
			request.param("currentPassword", TestUsers.PASSWORD)
				.param("newPassword", "Another-Orbit-Kettle-77")
				.param("repeatPassword", "Another-Orbit-Kettle-77");
		}
		return request;
	}

	private String idFor(String endpoint) {
		if (endpoint.contains("/admin/users/")) {
			return this.targetUserId.toString();
		}
		if (endpoint.startsWith("GET") && endpoint.contains("/revisions/")) {
			return this.reports.get("DRAFT").toString(); // of 西安市: outside the other region's staff's scope
		}
		if (endpoint.endsWith("/submit") || endpoint.endsWith("/figures/import") || endpoint.endsWith("/text")
				|| endpoint.contains("/figures/{figureId}") || endpoint.contains("/staff/reports/{id}") && !endpoint.endsWith("/approve")
				&& !endpoint.endsWith("/return") && !endpoint.endsWith("/publish")) {
			return this.reports.get("DRAFT").toString();
		}
		if (endpoint.endsWith("/approve")) {
			return this.reports.get("SUBMITTED").toString();
		}
		if (endpoint.endsWith("/return") || endpoint.endsWith("/publish")) {
			return this.reports.get("APPROVED").toString();
		}
		return this.jdbc.sql("select min(id) from report where status = 'PUBLISHED'").query(Long.class).single().toString();
	}

	/** What must not change when a request is refused: users, their regions, reports and their history. */
	private String databaseState() {
		return this.jdbc.sql("""
				select md5(coalesce((select string_agg(id || ':' || role || ':' || enabled || ':' || password_hash, ',' order by id) from app_user), '')
				        || coalesce((select string_agg(user_id || '-' || region_id, ',' order by user_id, region_id) from user_region), '')
				        || coalesce((select string_agg(id || ':' || status || ':' || version, ',' order by id) from report), '')
				        || (select count(*) from report_event) || '/' || (select count(*) from figure))""")
			.query(String.class)
			.single();
	}

	static Stream<Arguments> endpoints(Rule... rules) {
		Set<Rule> wanted = Set.of(rules);
		return RULES.entrySet().stream().filter(e -> wanted.contains(e.getValue())).map(e -> Arguments.of(e.getKey()));
	}

	static Stream<Arguments> publicEndpoints() {
		// The OpenAPI page answers with a redirect to Swagger UI's own page (ExportTest follows it).
		return endpoints(Rule.PUBLIC)
			.filter(a -> !a.get()[0].equals("* /error") && !a.get()[0].equals("GET /swagger-ui.html"));
	}

	static Stream<Arguments> pageEndpoints() {
		return endpoints(Rule.SIGNED_IN_PAGE, Rule.ADMIN_PAGE, Rule.STAFF_PAGE, Rule.LEADER_PAGE);
	}

	static Stream<Arguments> staffPages() {
		return endpoints(Rule.STAFF_PAGE);
	}

	static Stream<Arguments> staffPageReads() {
		return staffPages().filter(a -> ((String) a.get()[0]).startsWith("GET"));
	}

	static Stream<Arguments> staffPageWrites() {
		return staffPages().filter(a -> ((String) a.get()[0]).startsWith("POST"));
	}

	static Stream<Arguments> leaderPages() {
		return endpoints(Rule.LEADER_PAGE);
	}

	static Stream<Arguments> adminPageWrites() {
		return endpoints(Rule.ADMIN_PAGE).filter(a -> ((String) a.get()[0]).startsWith("POST"));
	}

	static Stream<Arguments> adminPageReads() {
		return endpoints(Rule.ADMIN_PAGE).filter(a -> ((String) a.get()[0]).startsWith("GET"));
	}

	static Stream<Arguments> pageWrites() {
		return pageEndpoints().filter(a -> ((String) a.get()[0]).startsWith("POST"));
	}

	static Stream<Arguments> apiWrites() {
		return endpoints(Rule.ADMIN_API, Rule.STAFF_API, Rule.LEADER_API, Rule.SIGNED_IN_API);
	}

	static Stream<Arguments> staffApi() {
		return endpoints(Rule.STAFF_API);
	}

	static Stream<Arguments> leaderApi() {
		return endpoints(Rule.LEADER_API);
	}

	static Stream<Arguments> scopedApiReads() {
		return endpoints(Rule.SCOPED_API_READ);
	}

	static Stream<Arguments> apiEndpoints() {
		return RULES.keySet().stream().filter(endpoint -> endpoint.contains(" /api/")).map(Arguments::of);
	}

	@ParameterizedTest(name = "{0} refuses the metrics account")
	@MethodSource("apiEndpoints")
	void theMetricsAccountIsRefusedEveryApiEndpoint(String endpoint) throws Exception {
		String before = databaseState();
		this.mvc.perform(request(endpoint).with(httpBasic("ea-metrics", TestUsers.PASSWORD)))
			.andExpect(status().isForbidden());
		assertThat(databaseState()).isEqualTo(before);
	}

	/** It cannot sign in to the pages (MetricsAccountTest); were it to hold a session, the pages refuse it. */
	@ParameterizedTest(name = "{0} refuses the metrics account")
	@MethodSource("pageEndpoints")
	void theMetricsAccountIsRefusedEveryPage(String endpoint) throws Exception {
		String before = databaseState();
		this.mvc.perform(request(endpoint).with(csrf()).with(user("ea-metrics").roles("METRICS")))
			.andExpect(status().isForbidden());
		assertThat(databaseState()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0} answers anonymous callers with 401")
	@MethodSource("scopedApiReads")
	void scopedApiReadsAnswerAnonymousCallersWith401(String endpoint) throws Exception {
		this.mvc.perform(request(endpoint)).andExpect(status().isUnauthorized());
	}

	@ParameterizedTest(name = "{0} refuses staff of another region")
	@MethodSource("scopedApiReads")
	void scopedApiReadsRefuseStaffOfAnotherRegion(String endpoint) throws Exception {
		this.mvc.perform(request(endpoint).with(httpBasic("ea-xinjiang-staff", TestUsers.PASSWORD)))
			.andExpect(status().isForbidden());
	}

	@ParameterizedTest(name = "{0} is open to anonymous visitors")
	@MethodSource("publicEndpoints")
	void publicEndpointsAnswerAnonymousVisitors(String endpoint) throws Exception {
		this.mvc.perform(request(endpoint)).andExpect(status().isOk());
	}

	@ParameterizedTest(name = "{0} sends anonymous visitors to the login")
	@MethodSource("pageEndpoints")
	void pagesSendAnonymousVisitorsToTheLogin(String endpoint) throws Exception {
		String before = databaseState();
		this.mvc.perform(request(endpoint).with(csrf())).andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		assertThat(databaseState()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0} refuses a browser write without its CSRF token")
	@MethodSource("pageWrites")
	void pageWritesWithoutTheirCsrfTokenAreRefused(String endpoint) throws Exception {
		String before = databaseState();
		this.mvc.perform(request(endpoint).with(user("ea-admin").roles("ADMIN"))).andExpect(status().isForbidden());
		assertThat(databaseState()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0} refuses staff")
	@MethodSource("adminPageWrites")
	void adminPageWritesRefuseStaff(String endpoint) throws Exception {
		String before = databaseState();
		this.mvc.perform(request(endpoint).with(csrf()).with(user("ea-xian-staff").roles("STAFF")))
			.andExpect(status().isForbidden());
		assertThat(databaseState()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0} is not shown to staff")
	@MethodSource("adminPageReads")
	void adminPagesRefuseStaff(String endpoint) throws Exception {
		this.mvc.perform(request(endpoint).with(user("ea-xian-staff").roles("STAFF"))).andExpect(status().isForbidden());
	}

	@ParameterizedTest(name = "{0} answers anonymous callers with 401")
	@MethodSource("apiWrites")
	void apiWritesAnswerAnonymousCallersWith401(String endpoint) throws Exception {
		String before = databaseState();
		this.mvc.perform(request(endpoint)).andExpect(status().isUnauthorized());
		assertThat(databaseState()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0} refuses a session write without its CSRF token")
	@MethodSource("apiWrites")
	void apiWritesOnTheBrowserSessionNeedTheCsrfToken(String endpoint) throws Exception {
		String before = databaseState();
		MockHttpSession browser = new MockHttpSession();
		this.mvc.perform(post("/login").session(browser).with(csrf()).param("username", "ea-admin")
			.param("password", TestUsers.PASSWORD)).andExpect(redirectedUrl("/"));
		this.mvc.perform(request(endpoint).session(browser)).andExpect(status().isForbidden());
		assertThat(databaseState()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0} refuses staff of another region")
	@MethodSource("staffApi")
	void staffApiRefusesStaffOfAnotherRegion(String endpoint) throws Exception {
		String before = databaseState();
		this.mvc.perform(request(endpoint).with(httpBasic("ea-xinjiang-staff", TestUsers.PASSWORD)))
			.andExpect(status().isForbidden());
		assertThat(databaseState()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0} refuses a leader, who does not enter reports")
	@MethodSource("staffApi")
	void staffApiRefusesLeaders(String endpoint) throws Exception {
		String before = databaseState();
		this.mvc.perform(request(endpoint).with(httpBasic("ea-shaanxi-leader", TestUsers.PASSWORD)))
			.andExpect(status().isForbidden());
		assertThat(databaseState()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0} refuses staff, even of the report's region")
	@MethodSource("leaderApi")
	void leaderActionsRefuseStaff(String endpoint) throws Exception {
		String before = databaseState();
		this.mvc.perform(request(endpoint).with(httpBasic("ea-xian-staff", TestUsers.PASSWORD)))
			.andExpect(status().isForbidden());
		assertThat(databaseState()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0} refuses a leader of another region")
	@MethodSource("leaderApi")
	void leaderActionsRefuseLeadersOfAnotherRegion(String endpoint) throws Exception {
		String before = databaseState();
		this.mvc.perform(request(endpoint).with(httpBasic("ea-xinjiang-leader", TestUsers.PASSWORD)))
			.andExpect(status().isForbidden());
		assertThat(databaseState()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0} refuses staff of another region")
	@MethodSource("staffPageWrites")
	void staffPageWritesRefuseStaffOfAnotherRegion(String endpoint) throws Exception {
		String before = databaseState();
		this.mvc.perform(request(endpoint).with(csrf()).with(user("ea-xinjiang-staff").roles("STAFF")))
			.andExpect(status().isForbidden());
		assertThat(databaseState()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0} does not show another region's draft")
	@MethodSource("staffPageReads")
	void staffPagesDoNotShowAnotherRegionsDraft(String endpoint) throws Exception {
		this.mvc.perform(request(endpoint).with(user("ea-xinjiang-staff").roles("STAFF"))).andExpect(status().isNotFound());
	}

	/** The pages that edit a report: one guard (EditableReports) decides who may open them. */
	static Stream<Arguments> editingPages() {
		return Stream.of("sections", "figures", "import", "extract").map(Arguments::of);
	}

	@ParameterizedTest(name = "the {0} page does not open another region's published report")
	@MethodSource("editingPages")
	void editingPagesDoNotOpenAnotherRegionsPublishedReport(String page) throws Exception {
		Long published = this.jdbc.sql("""
				select min(r.id) from report r join region g on g.id = r.region_id
				where r.status = 'PUBLISHED' and g.path not like '%/610100/%'""").query(Long.class).single();
		this.mvc.perform(get("/staff/reports/{id}/" + page, published).with(user("ea-xian-staff").roles("STAFF")))
			.andExpect(status().isNotFound());
	}

	@ParameterizedTest(name = "the {0} page refuses a leader of the report's region, who reads reports but does not enter them")
	@MethodSource("editingPages")
	void editingPagesRefuseALeaderInScope(String page) throws Exception {
		this.mvc.perform(get("/staff/reports/{id}/" + page, this.reports.get("DRAFT"))
			.with(user("ea-shaanxi-leader").roles("LEADER"))).andExpect(status().isForbidden());
	}

	@ParameterizedTest(name = "{0} refuses a leader, who does not enter reports")
	@MethodSource("staffPageWrites")
	void staffPageWritesRefuseLeaders(String endpoint) throws Exception {
		String before = databaseState();
		this.mvc.perform(request(endpoint).with(csrf()).with(user("ea-shaanxi-leader").roles("LEADER")))
			.andExpect(status().isForbidden());
		assertThat(databaseState()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0} refuses staff, even of the report's region")
	@MethodSource("leaderPages")
	void leaderPagesRefuseStaff(String endpoint) throws Exception {
		String before = databaseState();
		this.mvc.perform(request(endpoint).with(csrf()).with(user("ea-xian-staff").roles("STAFF")))
			.andExpect(status().isForbidden());
		assertThat(databaseState()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0} refuses a leader of another region")
	@MethodSource("leaderPages")
	void leaderPagesRefuseLeadersOfAnotherRegion(String endpoint) throws Exception {
		String before = databaseState();
		this.mvc.perform(request(endpoint).with(csrf()).with(user("ea-xinjiang-leader").roles("LEADER")))
			.andExpect(status().isForbidden());
		assertThat(databaseState()).isEqualTo(before);
	}

	static Stream<Arguments> endpointsNeedingRights() {
		return Stream.concat(pageEndpoints(), Stream.concat(apiWrites(), scopedApiReads()));
	}

	/** Who holds the right an endpoint needs: made once, disabled and enabled again by each test below. */
	private String holderOf(Rule rule) {
		return switch (rule) {
			case ADMIN_PAGE, ADMIN_API -> this.users.ensure("ea-removed-admin", Role.ADMIN, "000000");
			case LEADER_PAGE, LEADER_API -> this.users.ensure("ea-removed-leader", Role.LEADER, "610000");
			default -> this.users.ensure("ea-removed-staff", Role.STAFF, "610100");
		};
	}

	private final java.util.concurrent.atomic.AtomicInteger signIns = new java.util.concurrent.atomic.AtomicInteger();

	@ParameterizedTest(name = "{0} refuses a session whose user lost their rights while signed in")
	@MethodSource("endpointsNeedingRights")
	void rightsRemovedWhileSignedInEndTheSession(String endpoint) throws Exception {
		String username = holderOf(RULES.get(endpoint));
		Long id = this.jdbc.sql("select id from app_user where username = ?").param(username).query(Long.class).single();
		MockHttpSession browser = new MockHttpSession();
		// Each sign-in from an address of its own, so that no limit on sign-ins per address is reached.
		String address = "10.17." + (this.signIns.incrementAndGet() / 250) + "." + (this.signIns.get() % 250 + 1);
		this.mvc.perform(post("/login").session(browser).with(csrf()).with(r -> {
			r.setRemoteAddr(address);
			return r;
		}).param("username", username).param("password", TestUsers.PASSWORD)).andExpect(redirectedUrl("/"));
		TestUsers.asAdministrator(() -> {
			this.administration.disable(id);
			return null;
		});
		try {
			String before = databaseState();
			int status = this.mvc.perform(request(endpoint).session(browser).with(csrf()))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as("%s for %s, disabled while signed in", endpoint, username).isIn(302, 401);
			if (status == 302) {
				this.mvc.perform(request(endpoint).session(browser).with(csrf())).andExpect(redirectedUrl("/login"));
			}
			assertThat(databaseState()).isEqualTo(before);
		}
		finally {
			TestUsers.asAdministrator(() -> {
				this.administration.enable(id);
				return null;
			});
		}
	}

	@Test
	void adminApiRefusesStaff() throws Exception {
		String before = databaseState();
		this.mvc.perform(request("POST /api/admin/users").with(httpBasic("ea-xian-staff", TestUsers.PASSWORD)))
			.andExpect(status().isForbidden());
		assertThat(databaseState()).isEqualTo(before);
	}

	@Test
	void theRightPeopleCanDoWhatTheRulesAllow() throws Exception {
		Function<String, AbstractMockHttpServletRequestBuilder<?>> as = endpoint -> request(endpoint);
		this.mvc.perform(as.apply("POST /api/reports/{id}/submit").with(httpBasic("ea-xian-staff", TestUsers.PASSWORD)))
			.andExpect(status().isOk());
		this.mvc.perform(as.apply("POST /api/reports/{id}/approve").with(httpBasic("ea-shaanxi-leader", TestUsers.PASSWORD)))
			.andExpect(status().isOk());
		this.mvc.perform(as.apply("POST /api/reports/{id}/publish").with(httpBasic("ea-shaanxi-leader", TestUsers.PASSWORD)))
			.andExpect(status().isOk());
		this.mvc.perform(as.apply("GET /admin/users").with(user("ea-admin").roles("ADMIN"))).andExpect(status().isOk());
		this.mvc.perform(as.apply("POST /api/extract").with(httpBasic("ea-xinjiang-staff", TestUsers.PASSWORD)))
			.andExpect(status().isOk());
		this.mvc.perform(as.apply("GET /staff/reports/{id}/figures").with(user("ea-xian-staff").roles("STAFF")))
			.andExpect(status().isOk());
		this.mvc.perform(as.apply("GET /staff/reports/{id}").with(user("ea-shaanxi-leader").roles("LEADER")))
			.andExpect(status().isOk());
		// Put the fixtures back in the states the other tests start from.
		createUsersAndReports();
	}

}
