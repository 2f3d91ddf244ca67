package org.unionreports.portal.shared;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL's COPY for bulk writes (imports, the synthetic data set): rows written as CSV and copied in on
 * the connection of the current transaction, so that they commit or roll back with it.
 */
@Component
public class PostgresCopy {

	private final DataSource dataSource;

	PostgresCopy(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** COPY {@code rows} into {@code table (columns…)}; numbers are written in full, never as 1E+3. */
	public void copy(String tableAndColumns, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		StringWriter csv = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.POSTGRESQL_CSV)) {
			for (Object[] row : rows) {
				for (Object cell : row) {
					printer.print(cell instanceof BigDecimal decimal ? decimal.toPlainString() : cell);
				}
				printer.println();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy " + tableAndColumns + " from stdin (format csv)", new StringReader(csv.toString()));
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("could not copy rows into " + tableAndColumns + ": " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

}
