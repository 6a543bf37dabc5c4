package dev.loomflux.bff.system;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.SingleThreadEventExecutor;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event loop's backlog ({@code reactor_netty_eventloop_pending_tasks}, per loop
 * thread) and the direct memory of Netty's buffer allocator
 * ({@code reactor_netty_bytebuf_allocator_used_direct_memory}): gauges, read at scrape
 * time, under the names Reactor Netty gives them. Only in service-reactive: service-loom
 * runs on Tomcat and has no event loop, so its dashboard panels for these stay empty
 * rather than showing a look-alike figure.
 * <p>
 * Reactor Netty registers these two only with its server metrics on, and those record
 * several meters on every request (sizes, times, each URI matched against the routes),
 * per-request work service-loom has no counterpart of (MeterParityTest). So they are off,
 * and the gauges are registered here, once per event loop and allocator, when a
 * connection first uses them.
 */
@Configuration(proxyBeanMethods = false)
class NettyMetricsConfig {

	@Bean
	NettyServerCustomizer nettyGauges(MeterRegistry meters) {
		Set<Object> registered = ConcurrentHashMap.newKeySet();
		return (server) -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
			EventLoop loop = channel.eventLoop();
			if (loop instanceof SingleThreadEventExecutor executor && registered.add(loop)) {
				// on the loop itself: its thread's name is the gauge's tag
				loop.execute(() -> Gauge
					.builder("reactor.netty.eventloop.pending.tasks", executor, SingleThreadEventExecutor::pendingTasks)
					.description("Tasks waiting in the event loop's queue")
					.tag("name", Thread.currentThread().getName())
					.register(meters));
			}
			ByteBufAllocator allocator = channel.alloc();
			if (allocator instanceof ByteBufAllocatorMetricProvider provider && registered.add(allocator)) {
				Gauge
					.builder("reactor.netty.bytebuf.allocator.used.direct.memory", provider,
							(metric) -> metric.metric().usedDirectMemory())
					.description("Direct memory held by Netty's buffer allocator, in bytes")
					// no base unit: it would add "_bytes" to the name the dashboard reads
					.tag("id", Integer.toHexString(System.identityHashCode(allocator)))
					.tag("type", (allocator instanceof PooledByteBufAllocator) ? "pooled" : "unpooled")
					.register(meters);
			}
		});
	}

}
