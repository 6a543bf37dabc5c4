package dev.loomflux.bff.system;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import reactor.netty.NettyPipeline;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A connection on which no request is being read or answered is closed, without a byte,
 * once it has been silent for too long, as Tomcat closes it in service-loom:
 * <ul>
 * <li>a new connection, or a request head that stops arriving (half a head, then silence:
 * slowloris), after {@code bff.http.read-timeout} without a byte (Tomcat's
 * {@code connection-timeout});</li>
 * <li>a kept-alive connection on which no next request starts, after
 * {@code bff.http.keep-alive-timeout} (Tomcat's {@code keep-alive-timeout}); from the
 * first byte of a next request on, the read timeout applies again.</li>
 * </ul>
 * Reactor Netty has neither by default: a client could hold a connection for as long as
 * it liked by sending half a head. Once a whole head has arrived the clock stops, and
 * {@code BodyReadTimeoutConfig}'s runs while the body arrives; it starts again only when
 * the last answer on the connection has been written out. So a long answer, a price
 * stream above all, is never cut short by this clock, however quiet its client is. One
 * case differs from Tomcat: part of a next head that arrives together with the request
 * before it (pipelining) waits the keep-alive timeout for its rest, not the read timeout,
 * as the decoder does not tell what it holds; once more of it arrives, the read timeout
 * applies.
 * <p>
 * Not Reactor Netty's own {@code idle-timeout}: it has one clock for both cases, so it
 * could match Tomcat only with the keep-alive timeout cut down to the read timeout. (It
 * was once set and reverted because a price stream seemed to outlive its client with it;
 * that leak was BlockHound's, in the tests, and had nothing to do with it: see
 * {@code ReactorTimerBlockHoundIntegration}.)
 */
@Configuration(proxyBeanMethods = false)
class IdleConnectionConfig {

	@Bean
	NettyServerCustomizer idleConnectionTimeout(BffProperties properties) {
		long readTimeoutNanos = properties.http().readTimeout().toNanos();
		long keepAliveTimeoutNanos = properties.http().keepAliveTimeout().toNanos();
		return (server) -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline()
					.addAfter(NettyPipeline.HttpCodec, "loomflux.idleConnectionTimeout",
							new IdleConnectionTimeout(readTimeoutNanos, keepAliveTimeoutNanos));
			}
		});
	}

	/**
	 * One per connection, right after the HTTP decoder: it sees each request head once
	 * decoded, each answer before it is encoded, and a read that brought only part of a
	 * head as a read that decoded nothing.
	 */
	private static final class IdleConnectionTimeout extends ChannelDuplexHandler {

		private final long readTimeoutNanos;

		private final long keepAliveTimeoutNanos;

		/** Requests whose head has arrived and whose answer is not written out yet. */
		private int inFlight;

		/** Whether the decoder passed anything on since the last read completed. */
		private boolean decoded;

		private ScheduledFuture<?> timer;

		IdleConnectionTimeout(long readTimeoutNanos, long keepAliveTimeoutNanos) {
			this.readTimeoutNanos = readTimeoutNanos;
			this.keepAliveTimeoutNanos = keepAliveTimeoutNanos;
		}

		@Override
		public void channelActive(ChannelHandlerContext ctx) {
			start(ctx, this.readTimeoutNanos);
			ctx.fireChannelActive();
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			this.decoded = true;
			if (msg instanceof HttpRequest) {
				this.inFlight++;
				cancel();
			}
			ctx.fireChannelRead(msg);
		}

		@Override
		public void channelReadComplete(ChannelHandlerContext ctx) {
			if (!this.decoded && this.inFlight == 0) {
				// part of a head: from its first byte on, the read timeout, as in Tomcat
				start(ctx, this.readTimeoutNanos);
			}
			this.decoded = false;
			ctx.fireChannelReadComplete();
		}

		@Override
		public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
			if (msg instanceof LastHttpContent && !isInformational(msg)) {
				// once written out, not when handed over: a slow reader of a long answer
				// is still being answered
				ctx.write(msg, promise.unvoid()).addListener((future) -> answered(ctx));
				return;
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

		/** A 100 Continue is a whole message but answers nothing yet. */
		private static boolean isInformational(Object msg) {
			return msg instanceof HttpResponse response
					&& response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
		}

		private void answered(ChannelHandlerContext ctx) {
			this.inFlight = Math.max(0, this.inFlight - 1);
			if (this.inFlight == 0 && ctx.channel().isActive()) {
				start(ctx, this.keepAliveTimeoutNanos);
			}
		}

		private void start(ChannelHandlerContext ctx, long timeoutNanos) {
			cancel();
			this.timer = ctx.executor().schedule(() -> {
				this.timer = null;
				ctx.close();
			}, timeoutNanos, TimeUnit.NANOSECONDS);
		}

		private void cancel() {
			if (this.timer != null) {
				this.timer.cancel(false);
				this.timer = null;
			}
		}

	}

}
