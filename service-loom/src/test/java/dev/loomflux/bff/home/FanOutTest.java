package dev.loomflux.bff.home;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;

import dev.loomflux.bff.system.BffProperties;
import dev.loomflux.domain.error.ApiException;
import dev.loomflux.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FanOutTest {

	private static final Duration DEADLINE = Duration.ofMinutes(1);

	@Test
	void shouldRunEachBranchOnAVirtualThreadWithoutPlatformThreads() {
		ExecutorService threads = FanOut.threads(new BffProperties.Home.FanOut(0, 0));
		try {
			FanOut fanOut = new FanOut(threads, DEADLINE);

			assertThat(fanOut.fork(Thread::currentThread).join())
				.hasValueSatisfying((thread) -> assertThat(thread.isVirtual()).isTrue());
		}
		finally {
			threads.shutdown();
		}
	}

	@Test
	void shouldRunBranchesOnTheBoundedPlatformPoolAndRefuseOneMoreThanItsQueueHolds() throws Exception {
		ExecutorService threads = FanOut.threads(new BffProperties.Home.FanOut(1, 1));
		CountDownLatch release = new CountDownLatch(1);
		try {
			FanOut fanOut = new FanOut(threads, DEADLINE);
			CountDownLatch running = new CountDownLatch(1);
			FanOut.Branch<Thread> busy = fanOut.fork(() -> {
				running.countDown();
				release.await();
				return Thread.currentThread();
			});
			running.await();
			FanOut.Branch<Thread> queued = fanOut.fork(Thread::currentThread);

			assertThatExceptionOfType(ApiException.class).isThrownBy(() -> fanOut.fork(Thread::currentThread))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.OVERLOADED));
			release.countDown();
			assertThat(busy.join()).hasValueSatisfying((thread) -> {
				assertThat(thread.isVirtual()).isFalse();
				assertThat(thread.getName()).isEqualTo("home-fanout-1");
			});
			assertThat(queued.join())
				.hasValueSatisfying((thread) -> assertThat(thread.getName()).isEqualTo("home-fanout-1"));
		}
		finally {
			release.countDown();
			threads.shutdown();
		}
	}

}
