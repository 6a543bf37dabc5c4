package dev.loomflux.bff.system;

import java.io.IOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.filter.OncePerRequestFilter;

/** A test filter that records the thread each request is served on. */
@TestComponent
class RequestThreadRecorder extends OncePerRequestFilter {

	private final Queue<Thread> threads = new ConcurrentLinkedQueue<>();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		this.threads.add(Thread.currentThread());
		chain.doFilter(request, response);
	}

	List<Thread> threads() {
		return List.copyOf(this.threads);
	}

}
