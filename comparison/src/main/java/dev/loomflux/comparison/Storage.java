package dev.loomflux.comparison;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL and Redis as each variant finds them: a freshly created database (the
 * service's Flyway migrations seed it at start-up, so every variant starts from the same
 * bytes and the same stock) and an empty Redis index (no variant inherits another's cache
 * or carts).
 */
final class Storage {

	private Storage() {
	}

	static void recreateDatabase(Settings settings) throws SQLException {
		try (Connection connection = DriverManager.getConnection(settings.jdbcUrl("postgres"), settings.pgUser(),
				settings.pgPassword()); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + settings.database() + " WITH (FORCE)");
			statement.execute("CREATE DATABASE " + settings.database());
		}
	}

	static void dropDatabase(Settings settings) throws SQLException {
		try (Connection connection = DriverManager.getConnection(settings.jdbcUrl("postgres"), settings.pgUser(),
				settings.pgPassword()); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + settings.database() + " WITH (FORCE)");
		}
	}

	static Connection connect(Settings settings) throws SQLException {
		return DriverManager.getConnection(settings.jdbcUrl(settings.database()), settings.pgUser(),
				settings.pgPassword());
	}

	/**
	 * SELECT + FLUSHDB in Redis's wire protocol: two commands do not justify a client
	 * library.
	 */
	static void flushRedis(Settings settings) throws IOException {
		try (Socket socket = new Socket(settings.redisHost(), settings.redisPort())) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			String database = Integer.toString(settings.redisDatabase());
			out.write(
					("*2\r\n$6\r\nSELECT\r\n$" + database.length() + "\r\n" + database + "\r\n*1\r\n$7\r\nFLUSHDB\r\n")
						.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			String replies = readLines(in, 2);
			if (!replies.equals("+OK\r\n+OK\r\n")) {
				throw new IOException("Redis did not flush: " + replies.strip());
			}
		}
	}

	private static String readLines(InputStream in, int lines) throws IOException {
		StringBuilder text = new StringBuilder();
		int seen = 0;
		while (seen < lines) {
			int c = in.read();
			if (c < 0) {
				break;
			}
			text.append((char) c);
			if (c == '\n') {
				seen++;
			}
		}
		return text.toString();
	}

}
