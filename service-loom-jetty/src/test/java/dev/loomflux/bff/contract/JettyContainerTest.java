package dev.loomflux.bff.contract;

import dev.loomflux.testsupport.ServiceTest;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * This module is service-loom's code on Jetty: the server that runs is Jetty's, with its
 * threads arranged as Tomcat's are (JettyThreadsConfig: platform threads to accept and
 * select, a virtual thread per request). The contract tests beside this one show the API
 * behaves.
 */
@ServiceTest
class JettyContainerTest {

	@Autowired
	private WebServerApplicationContext context;

	@Test
	void shouldServeOnJettyWithAVirtualThreadPerRequest() {
		assertThat(this.context.getWebServer()).isInstanceOf(JettyWebServer.class);
		ThreadPool threads = ((JettyWebServer) this.context.getWebServer()).getServer().getThreadPool();
		assertThat(threads).isInstanceOf(QueuedThreadPool.class);
		assertThat(VirtualThreads.getVirtualThreadsExecutor(threads)).as("the executor of blocking work").isNotNull();
	}

}
