package dev.loomflux.bff.system;

import dev.loomflux.domain.error.ErrorCode;
import dev.loomflux.domain.http.RequestTargets;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;
import reactor.netty.NettyPipeline;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Some requests never reach Spring: Reactor Netty itself rejects a request whose line or
 * headers are too long (414, 431) and Spring's adapter one whose URI does not parse
 * (400), all with an empty body. service-loom's Tomcat rejects the same requests, and a
 * few more, with 400, which {@code TomcatErrorsConfig} turns into a problem detail. This
 * guard, placed right after Netty's HTTP decoder, refuses what Tomcat refuses, in the
 * same way (400 {@code MALFORMED_REQUEST} as {@code application/problem+json}, then it
 * closes the connection), so that a malformed request gets the same answer from both
 * services:
 * <ul>
 * <li>a request the decoder could not read: line or headers too long, bad syntax;</li>
 * <li>more than {@value #MAX_HEADER_COUNT} headers or {@value #MAX_COOKIE_COUNT} cookies
 * (Tomcat's {@code maxHeaderCount} and {@code maxCookieCount});</li>
 * <li>a malformed target (shared-domain's {@link RequestTargets}).</li>
 * </ul>
 * And it reads a query parameter without {@code =} as Tomcat does: present, and empty.
 */
@Configuration(proxyBeanMethods = false)
class NettyErrorsConfig {

	static final int MAX_HEADER_COUNT = 100;

	static final int MAX_COOKIE_COUNT = 200;

	@Bean
	NettyServerCustomizer malformedRequestGuard() {
		return (server) -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
				channel.pipeline().addAfter(NettyPipeline.HttpCodec, "loomflux.malformedRequestGuard", new Guard());
			}
		});
	}

	/**
	 * The target with {@code name} turned into {@code name=} in the query: Tomcat reads a
	 * parameter without {@code =} as present and empty, WebFlux as absent.
	 */
	static String withExplicitValues(String target) {
		int query = target.indexOf('?');
		if (query < 0) {
			return target;
		}
		StringBuilder result = new StringBuilder(target.substring(0, query + 1));
		String[] pairs = target.substring(query + 1).split("&", -1);
		for (int i = 0; i < pairs.length; i++) {
			result.append((i > 0) ? "&" : "").append(pairs[i]);
			if (!pairs[i].isEmpty() && pairs[i].indexOf('=') < 0) {
				result.append('=');
			}
		}
		return result.toString();
	}

	private static int cookies(HttpRequest request) {
		int count = 0;
		for (String header : request.headers().getAll(HttpHeaderNames.COOKIE)) {
			for (String cookie : header.split(";")) {
				count += cookie.isBlank() ? 0 : 1;
			}
		}
		return count;
	}

	/**
	 * One per connection: after a refusal it drops the rest of that request until the
	 * connection closes.
	 */
	private static final class Guard extends ChannelInboundHandlerAdapter {

		private boolean refused;

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			if (this.refused) {
				// the rest of a refused request (its body): the connection closes anyway
				ReferenceCountUtil.release(msg);
				return;
			}
			if (msg instanceof HttpRequest request && isMalformed(request)) {
				this.refused = true;
				String instance = instance(request);
				ReferenceCountUtil.release(msg);
				NettyProblems.answerAndClose(ctx, ErrorCode.MALFORMED_REQUEST, instance);
				return;
			}
			if (msg instanceof HttpRequest request) {
				request.setUri(withExplicitValues(request.uri()));
			}
			ctx.fireChannelRead(msg);
		}

		private static boolean isMalformed(HttpRequest request) {
			return request.decoderResult().isFailure() || request.headers().size() > MAX_HEADER_COUNT
					|| cookies(request) > MAX_COOKIE_COUNT || RequestTargets.isMalformed(request.uri());
		}

		private static String instance(HttpRequest request) {
			return NettyProblems.path(request.decoderResult().isFailure() ? "/" : request.uri());
		}

	}

}
