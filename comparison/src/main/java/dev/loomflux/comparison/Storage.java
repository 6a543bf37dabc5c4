package dev.loomflux.comparison;

import java.io.ByteArrayOutputStream;
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
			out.write(command("SELECT", Integer.toString(settings.redisDatabase())));
			out.write(command("FLUSHDB"));
			out.flush();
			InputStream in = socket.getInputStream();
			String replies = readLine(in) + " " + readLine(in);
			if (!replies.equals("+OK +OK")) {
				throw new IOException("Redis did not flush: " + replies.strip());
			}
		}
	}

	/** One command in Redis's wire protocol (RESP), each argument as UTF-8 bytes. */
	static byte[] command(String... arguments) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(("*" + arguments.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
		for (String argument : arguments) {
			byte[] value = argument.getBytes(StandardCharsets.UTF_8);
			bytes.writeBytes(("$" + value.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
			bytes.writeBytes(value);
			bytes.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		return bytes.toByteArray();
	}

	/** One reply line of Redis, without its CRLF ("+OK", "$12", ...). */
	static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
			if (c != '\r') {
				line.write(c);
			}
		}
		return line.toString(StandardCharsets.UTF_8);
	}

}
