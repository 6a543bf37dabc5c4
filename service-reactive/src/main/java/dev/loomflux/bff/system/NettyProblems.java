package dev.loomflux.bff.system;

import dev.loomflux.domain.error.ErrorCode;
import dev.loomflux.domain.error.Problem;
import dev.loomflux.domain.http.ResponseHeaders;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details written straight onto a Netty channel, for the handlers that answer
 * before Spring sees a request ({@code NettyErrorsConfig},
 * {@code BodyReadTimeoutConfig}): the same body, content type and security headers as
 * {@code ApiExceptionHandler}'s, then the connection closes. Only in service-reactive:
 * service-loom's early refusals come from Tomcat, and {@code TomcatErrorsConfig} writes
 * their problem through Tomcat's error report valve.
 */
final class NettyProblems {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private NettyProblems() {
	}

	/**
	 * Answers {@code code} as a problem for {@code instance} and closes the connection.
	 */
	static void answerAndClose(ChannelHandlerContext ctx, ErrorCode code, String instance) {
		Problem problem = Problem.of(code, instance);
		byte[] body = JSON.writeValueAsBytes(problem);
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
				HttpResponseStatus.valueOf(problem.status()), Unpooled.wrappedBuffer(body));
		response.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
			.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
			.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		ResponseHeaders.SECURITY.forEach(response.headers()::set);
		ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
	}

	/** A request target's path, query left out; {@code /} unless it is one. */
	static String path(String uri) {
		int query = uri.indexOf('?');
		String path = (query >= 0) ? uri.substring(0, query) : uri;
		return path.startsWith("/") ? path : "/";
	}

}
