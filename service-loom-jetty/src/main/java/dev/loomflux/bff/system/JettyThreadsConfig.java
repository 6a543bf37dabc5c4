package dev.loomflux.bff.system;

import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Jetty's threads arranged as Tomcat's are in service-loom: its acceptor and selectors on
 * platform threads, each request on a virtual thread of its own. With virtual threads on,
 * Spring Boot gives Jetty a {@code VirtualThreadPool}, which runs the acceptor and the
 * selectors on virtual threads as well and lets no more than
 * {@code server.jetty.threads.max} (200) tasks run at once; pinned to one core under
 * 5,000 open price streams, its acceptor waited behind the streams' writes and 83 to 136
 * of 5,000 new connections timed out after 10 s in the accept backlog
 * (docs/comparison.md, "The servlet container").
 */
@Configuration(proxyBeanMethods = false)
class JettyThreadsConfig implements WebServerFactoryCustomizer<JettyServletWebServerFactory>, Ordered {

	@Override
	public void customize(JettyServletWebServerFactory factory) {
		QueuedThreadPool platformThreads = new QueuedThreadPool();
		platformThreads.setName("jetty");
		// the work Jetty marks blocking (a request's handling, its reads and writes) goes
		// to a new virtual thread; selecting and accepting stay on the platform threads
		platformThreads.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("jetty-request-"));
		factory.setThreadPool(platformThreads);
	}

	/** After Spring Boot's own customizer, which sets the VirtualThreadPool. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
