package dev.loomflux.bff.system;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.loomflux.domain.error.ErrorCode;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import reactor.netty.NettyPipeline;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A request body that stops arriving ({@code bff.http.read-timeout} without a byte) gets
 * 408 {@code REQUEST_TIMEOUT} as a problem detail and its connection is closed. Reactor
 * Netty has no such bound by default: a client that promises more body than it sends
 * holds its request, and the request's slot in admission control, for as long as it keeps
 * the connection open. service-loom gets the same answer from Tomcat's read timeout
 * ({@code server.tomcat.connection-timeout}) and {@code TomcatErrorsConfig}.
 * <p>
 * The clock runs between two reads of the same request, from its head to its last byte,
 * as Tomcat's does. It is started only when a read from the socket ends with part of a
 * body still to come, so a request that arrives whole (every GET, most bodies) never
 * schedules one: per-request work Tomcat, whose poller keeps the socket's timeout, does
 * not do either. It can only mistake the server for the client if the service stopped
 * reading a body for that long, and it never does: every body (at most 64 KiB) is decoded
 * whole as soon as it arrives. The request being handled fails as if its client had gone
 * ({@code ApiExceptionHandler} writes nothing). If an answer was already on its way (the
 * request did not need its body), the connection is only closed.
 */
@Configuration(proxyBeanMethods = false)
class BodyReadTimeoutConfig {

	@Bean
	NettyServerCustomizer bodyReadTimeout(BffProperties properties) {
		long timeoutNanos = properties.http().readTimeout().toNanos();
		return (server) -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline()
					.addAfter(NettyPipeline.HttpCodec, "loomflux.bodyReadTimeout", new BodyReadTimeout(timeoutNanos));
			}
		});
	}

	/** One per connection, for the request whose body is being read. */
	private static final class BodyReadTimeout extends ChannelDuplexHandler {

		private final long timeoutNanos;

		private ScheduledFuture<?> timer;

		private String path = "/";

		private boolean answered;

		private boolean timedOut;

		private boolean awaitingBody;

		BodyReadTimeout(long timeoutNanos) {
			this.timeoutNanos = timeoutNanos;
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			if (this.timedOut) {
				// what a client sends after the 408: the connection is closing
				ReferenceCountUtil.release(msg);
				return;
			}
			if (msg instanceof HttpRequest request) {
				this.path = NettyProblems.path(request.uri());
				this.answered = false;
			}
			if (msg instanceof HttpRequest || msg instanceof HttpContent) {
				cancel();
				this.awaitingBody = !(msg instanceof LastHttpContent);
			}
			ctx.fireChannelRead(msg);
		}

		@Override
		public void channelReadComplete(ChannelHandlerContext ctx) {
			if (this.awaitingBody && this.timer == null && !this.timedOut) {
				this.timer = ctx.executor().schedule(() -> timedOut(ctx), this.timeoutNanos, TimeUnit.NANOSECONDS);
			}
			ctx.fireChannelReadComplete();
		}

		@Override
		public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
			if (msg instanceof HttpResponse) {
				this.answered = true;
			}
			ctx.write(msg, promise);
		}

		@Override
		public void channelInactive(ChannelHandlerContext ctx) {
			cancel();
			ctx.fireChannelInactive();
		}

		@Override
		public void handlerRemoved(ChannelHandlerContext ctx) {
			cancel();
		}

		private void timedOut(ChannelHandlerContext ctx) {
			this.timer = null;
			this.timedOut = true;
			if (this.answered || !ctx.channel().isActive()) {
				ctx.close();
				return;
			}
			NettyProblems.answerAndClose(ctx, ErrorCode.REQUEST_TIMEOUT, this.path);
		}

		private void cancel() {
			if (this.timer != null) {
				this.timer.cancel(false);
				this.timer = null;
			}
		}

	}

}
