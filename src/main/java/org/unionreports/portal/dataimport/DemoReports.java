package org.unionreports.portal.dataimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.unionreports.portal.region.Region;
import org.unionreports.portal.region.RegionTree;
import org.unionreports.portal.report.Report;
import org.unionreports.portal.report.ReportCatalogue;
import org.unionreports.portal.report.ReportEntry;
import org.unionreports.portal.report.ReportWorkflow;
import org.unionreports.portal.report.Source;
import org.unionreports.portal.shared.Period;

/**
 * The demo data: three real published reports (新疆, 镇江新区, 西安), loaded into an empty database as
 * published reports. Their figures go through the same reader as any figure file, and the reports through
 * the same workflow as any other (as the system), so the seeds prove both.
 */
@Component
public class DemoReports {

	private static final Logger log = LoggerFactory.getLogger(DemoReports.class);

	public static final String LEAD_HEADING = "导语";

	private final RegionTree regions;

	private final ReportEntry entry;

	private final ReportCatalogue catalogue;

	private final FigureFileReader reader;

	private final ReportWorkflow workflow;

	DemoReports(RegionTree regions, ReportEntry entry, ReportCatalogue catalogue, FigureFileReader reader,
			ReportWorkflow workflow) {
		this.regions = regions;
		this.entry = entry;
		this.catalogue = catalogue;
		this.reader = reader;
		this.workflow = workflow;
	}

	/** @return how many reports were loaded: none when the database already has reports */
	@Transactional
	public int loadIfEmpty() {
		if (this.catalogue.count() > 0) {
			return 0;
		}
		List<CSVRecord> manifest = csv("seeds/demo-reports.csv");
		for (CSVRecord seed : manifest) {
			load(seed);
		}
		log.info("Loaded {} demo reports", manifest.size());
		return manifest.size();
	}

	private void load(CSVRecord seed) {
		String file = seed.get("file");
		Region region = this.regions.find(seed.get("region_code"))
			.orElseThrow(() -> new IllegalStateException("demo report " + file + ": unknown region"));
		String title = seed.get("title");
		Source source = new Source(blankToNull(seed.get("publisher")),
				seed.get("date").isBlank() ? null : LocalDate.parse(seed.get("date")), blankToNull(seed.get("url")));
		Report report = this.entry.create(region, Period.parse(seed.get("period")), title, source);
		this.entry.addSections(report.getId(), ReportText.sections(text("seeds/" + file + ".txt"), title, LEAD_HEADING));
		FigureSheet sheet;
		try (Reader figures = reader("seeds/" + file + ".figures.csv")) {
			sheet = this.reader.read(figures);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (!sheet.isValid()) {
			throw new IllegalStateException("demo report " + file + " has figure problems: " + sheet.problems());
		}
		this.entry.storeFigures(report.getId(), sheet.figures());
		this.workflow.submit(report.getId());
		this.workflow.approve(report.getId());
		this.workflow.publish(report.getId());
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static String text(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Reader reader(String resource) throws IOException {
		return new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8);
	}

	private static List<CSVRecord> csv(String resource) {
		try (Reader in = reader(resource)) {
			return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
