package dev.loomflux.netty;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * A kept-alive connection reads its next request once every request it brought has been
 * answered.
 * <p>
 * Reactor Netty's HTTP/1.1 server reads on demand, and in the version we use (1.3.6) one
 * path forgets to ask for the next read: a request that arrives before the previous one's
 * operations have ended is queued, then answered at once (say a 400 decided before any
 * I/O) while its trailing empty content is still queued, and nobody asks the socket for
 * more (reactor-netty issue 4361, fixed in a version newer than Maven Central serves
 * here). The connection then neither reads its client's next request, which waits for the
 * client's own timeout, nor notices the client closing it (it stays in CLOSE-WAIT), and
 * its idle timeout is not armed either: it stays open for good. Seen with
 * service-reactive in about 2 % of sequences of six GETs over one connection.
 * <p>
 * This handler counts the requests that pass it and the answers written back; once the
 * last byte of an answer is written and every request has its answer, it asks the channel
 * for a read, after the event loop's current task, so after Reactor Netty has ended the
 * answer's operations and drained its queue. Asking for a read while one is pending
 * changes nothing, so where Reactor Netty did ask the cost is one small task per answer;
 * no request is read early, as none is in progress. A connection that got stuck this way
 * still has no idle timeout: it is closed when its client closes it, but a client that
 * stays silent keeps it open.
 * <p>
 * One per connection; Netty calls it on the connection's event loop only.
 */
public final class ReadAfterAnswers extends ChannelDuplexHandler {

	private long requests;

	private long answers;

	/**
	 * Whether the answer being written is informational (100 Continue), not the answer.
	 */
	private boolean informational;

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof HttpRequest) {
			this.requests++;
		}
		ctx.fireChannelRead(msg);
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
		if (msg instanceof HttpResponse response) {
			this.informational = response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
		}
		if (!(msg instanceof LastHttpContent)) {
			ctx.write(msg, promise);
			return;
		}
		if (this.informational) {
			this.informational = false;
			ctx.write(msg, promise);
			return;
		}
		this.answers++;
		ctx.write(msg, promise.unvoid()).addListener((written) -> {
			if (written.isSuccess()) {
				ctx.executor().execute(() -> readIfAllAnswered(ctx));
			}
		});
	}

	private void readIfAllAnswered(ChannelHandlerContext ctx) {
		if (this.answers == this.requests && ctx.channel().isActive()) {
			ctx.read();
		}
	}

}
