package dev.loomflux.comparison;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The JDK's HTTP server on a free loopback port, answering {@code /api/products} with a
 * test's handler on virtual threads: what the load-generator tests aim Gatling at instead
 * of a service.
 */
final class ProductsServer {

	private ProductsServer() {
	}

	static HttpServer start(HttpHandler products) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/api/products", products);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.start();
		return server;
	}

}
