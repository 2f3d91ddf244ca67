package org.unionreports.portal.report.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.unionreports.portal.PortalTest;
import org.unionreports.portal.TestUsers;
import org.unionreports.portal.identity.Role;
import org.unionreports.portal.metric.Metric;
import org.unionreports.portal.metric.MetricCatalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Twenty people saving one report's figure grid at the same moment, each from a form opened before any of
 * them saved. Different figures all land; of twenty saves of the same figure exactly one wins and the
 * others are answered 409 with the conflict shown; every stored change has its history entry.
 */
@PortalTest
class ConcurrentSavesTest {

	private static final int SAVES = 20;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUsers users;

	@Autowired
	MetricCatalogue catalogue;

	private final RequestPostProcessor staff = user("cs-staff").roles("STAFF");

	@BeforeEach
	void staff() {
		this.users.ensure("cs-staff", Role.STAFF, "610100");
	}

	@Test
	void twentySavesOfDifferentFiguresAllLand() throws Exception {
		long report = createReport(2031);
		// Figures the rules do not compare with each other (no part and whole): each save is independent.
		List<Metric> all = this.catalogue.all();
		List<Metric> metrics = all.stream()
			.filter(metric -> !"%".equals(metric.getUnit()) && metric.getPartOf() == null
					&& all.stream().noneMatch(part -> part.getPartOf() != null && part.getPartOf().getId().equals(metric.getId())))
			.limit(SAVES)
			.toList();
		assertThat(metrics).hasSize(SAVES);
		List<MockHttpServletRequestBuilder> saves = new ArrayList<>();
		for (int i = 0; i < SAVES; i++) {
			saves.add(save(report, openGrid(report), Map.of(metrics.get(i).getKey(), Integer.toString(100 + i))));
		}

		List<MockHttpServletResponse> answers = allAtOnce(saves);

		assertThat(answers).allSatisfy(answer -> assertThat(answer.getRedirectedUrl())
			.isEqualTo("/staff/reports/" + report + "/figures"));
		Map<String, Integer> stored = stored(report);
		for (int i = 0; i < SAVES; i++) {
			assertThat(stored).containsEntry(metrics.get(i).getKey(), 100 + i);
		}
		assertThat(stored).hasSize(SAVES);
		assertThat(figureChanges(report)).isEqualTo(SAVES);
	}

	@Test
	void ofTwentySavesOfTheSameFigureExactlyOneWinsAndTheOthersAreToldOfTheConflict() throws Exception {
		long report = createReport(2032);
		List<MockHttpServletRequestBuilder> saves = new ArrayList<>();
		for (int i = 0; i < SAVES; i++) {
			saves.add(save(report, openGrid(report), Map.of("members", Integer.toString(1000 + i))));
		}

		List<MockHttpServletResponse> answers = allAtOnce(saves);

		List<Integer> winners = new ArrayList<>();
		for (int i = 0; i < SAVES; i++) {
			MockHttpServletResponse answer = answers.get(i);
			if (answer.getStatus() == 302) {
				winners.add(1000 + i);
			}
			else {
				assertThat(answer.getStatus()).isEqualTo(409);
				assertThat(answer.getContentAsString()).contains("这份报告刚被别人修改过")
					.contains("value=\"" + (1000 + i) + "\"");
			}
		}
		assertThat(winners).hasSize(1);
		assertThat(stored(report)).containsExactlyEntriesOf(Map.of("members", winners.get(0)));
		assertThat(figureChanges(report)).isOne();
	}

	@Test
	void aPartAboveItsWholeAsStoredNowIsNeverSavedQuietlyOverTheChangedWhole() throws Exception {
		OpenedBeforeTheWholeChanged late = wholeLoweredAfterASecondFormWasOpened(2033);
		// 60 is below the whole this form shows (100) but above the whole as stored now (50). A part above its
		// whole is a warning to explain, not an error, so the save goes ahead to the lock, where it is refused
		// because the whole changed since the form was opened: never stored unseen.
		MockHttpServletResponse answer = this.mvc
			.perform(save(late.report(), late.form(), Map.of("members", "100", "new_employment_members", "60")))
			.andReturn()
			.getResponse();
		assertThat(answer.getStatus()).isEqualTo(409);
		assertThat(answer.getContentAsString()).contains("这份报告刚被别人修改过");
		assertThat(stored(late.report())).containsEntry("members", 50).containsEntry("new_employment_members", 10);
	}

	@Test
	void aPartSavedOnAFormOpenedBeforeItsWholeChangedIsToldOfTheChange() throws Exception {
		OpenedBeforeTheWholeChanged late = wholeLoweredAfterASecondFormWasOpened(2034);
		// The part changes; its whole changed since this form was opened. Were the two saves to meet between
		// the rule check and the lock, the check could have seen the older whole: the save is refused (409).
		MockHttpServletResponse answer = this.mvc
			.perform(save(late.report(), late.form(), Map.of("members", "100", "new_employment_members", "40")))
			.andReturn()
			.getResponse();
		assertThat(answer.getStatus()).isEqualTo(409);
		assertThat(answer.getContentAsString()).contains("这份报告刚被别人修改过");
		assertThat(stored(late.report())).containsEntry("members", 50).containsEntry("new_employment_members", 10);
	}

	private record OpenedBeforeTheWholeChanged(long report, FigureGridForm form) {
	}

	/**
	 * A report with 100 members, 10 of them in new forms of employment; two forms opened; through the first,
	 * the members lowered to 50. The second form, still showing 100, is returned.
	 */
	private OpenedBeforeTheWholeChanged wholeLoweredAfterASecondFormWasOpened(int year) throws Exception {
		long report = createReport(year);
		assertThat(this.mvc.perform(save(report, openGrid(report), Map.of("members", "100", "new_employment_members", "10")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(302);
		FigureGridForm first = openGrid(report);
		FigureGridForm second = openGrid(report);
		assertThat(this.mvc.perform(save(report, first, Map.of("members", "50", "new_employment_members", "10")))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(302);
		return new OpenedBeforeTheWholeChanged(report, second);
	}

	/** Sends every request from its own thread, released together; waits at most a minute (no deadlock). */
	private List<MockHttpServletResponse> allAtOnce(List<MockHttpServletRequestBuilder> requests) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(requests.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
			for (MockHttpServletRequestBuilder request : requests) {
				Callable<MockHttpServletResponse> send = () -> {
					start.await();
					return this.mvc.perform(request).andReturn().getResponse();
				};
				answers.add(threads.submit(send));
			}
			start.countDown();
			List<MockHttpServletResponse> responses = new ArrayList<>();
			for (Future<MockHttpServletResponse> answer : answers) {
				responses.add(answer.get(60, TimeUnit.SECONDS));
			}
			return responses;
		}
		finally {
			threads.shutdownNow();
		}
	}

	private long createReport(int year) throws Exception {
		String location = this.mvc.perform(post("/staff/reports").with(this.staff).with(csrf())
			.param("regionCode", "610103").param("periodStart", Integer.toString(year))
			.param("title", "碑林区总工会" + year + "年工作报告")).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/staff/reports/");
		return Long.parseLong(location.substring("/staff/reports/".length()));
	}

	private FigureGridForm openGrid(long report) throws Exception {
		return (FigureGridForm) this.mvc.perform(get("/staff/reports/{id}/figures", report).with(this.staff))
			.andReturn()
			.getModelAndView()
			.getModel()
			.get("form");
	}

	private MockHttpServletRequestBuilder save(long report, FigureGridForm opened, Map<String, String> cells) {
		MockHttpServletRequestBuilder request = post("/staff/reports/{id}/figures", report).with(this.staff)
			.with(csrf())
			.param("version", Long.toString(opened.getVersion()))
			.param("lastChangeSeen", Long.toString(opened.getLastChangeSeen()))
			.param("openedKnown", Boolean.toString(opened.isOpenedKnown()));
		opened.getOpenedCells().forEach((key, value) -> request.param("openedCells[" + key + "]", value));
		cells.forEach((key, value) -> request.param("cells[" + key + "]", value));
		return request;
	}

	private Map<String, Integer> stored(long report) {
		return this.jdbc.sql("select m.key, f.value::int from figure f join metric m on m.id = f.metric_id where f.report_id = ?")
			.param(report)
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private long figureChanges(long report) {
		return this.jdbc.sql("select count(*) from report_change where report_id = ? and subject = 'FIGURE'")
			.param(report)
			.query(Long.class)
			.single();
	}

}
