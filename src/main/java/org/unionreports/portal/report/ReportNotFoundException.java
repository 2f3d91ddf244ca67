package org.unionreports.portal.report;

import org.unionreports.portal.shared.NotFoundException;

public class ReportNotFoundException extends NotFoundException {

	public ReportNotFoundException(Long id) {
		super("report " + id);
	}

}
