package org.unionreports.portal.database;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

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
		// Streamed to the server as it is written, in 64 kB pieces: a large import never stands in memory
		// a second time as one text.
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try (PGCopyOutputStream out = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
				"copy " + tableAndColumns + " from stdin (format csv)", 1 << 16);
				CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
						CSVFormat.POSTGRESQL_CSV)) {
			for (Object[] row : rows) {
				for (Object cell : row) {
					printer.print(cell instanceof BigDecimal decimal ? decimal.toPlainString() : cell);
				}
				printer.println();
			}
		}
		catch (SQLException | IOException ex) {
			// The server's refusal arrives when the copy ends, wrapped in the stream's IOException.
			Throwable reason = ex.getCause() instanceof SQLException refused ? refused : ex;
			throw new IllegalStateException("could not copy rows into " + tableAndColumns + ": " + reason.getMessage(),
					reason);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

}
