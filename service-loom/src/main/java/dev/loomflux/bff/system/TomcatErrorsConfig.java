package dev.loomflux.bff.system;

import java.io.IOException;

import dev.loomflux.domain.error.ErrorCode;
import dev.loomflux.domain.error.Problem;
import dev.loomflux.domain.http.ResponseHeaders;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Some requests never reach Spring: Tomcat itself rejects a malformed URI or an oversized
 * header, and its error report valve answers with an HTML page. This replaces that page
 * with the same problem detail the rest of the API gives, so a client always gets
 * {@code application/problem+json}. With Spring Boot's {@code /error} page switched off
 * (application.yaml), the valve also answers Tomcat's own 404, 405 and 400s (for
 * {@code /WEB-INF}, {@code TRACE}, too many cookies). service-reactive's
 * {@code NettyErrorsConfig} refuses the same requests with the same problem.
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrorsConfig implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		// Runs after Spring Boot's customizer, which may install a plain
		// ErrorReportValve; the host adds one of its errorReportValveClass at start
		// unless that class is present already.
		factory.addContextCustomizers((context) -> {
			StandardHost host = (StandardHost) context.getParent();
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.getPipeline().removeValve(valve);
				}
			}
			host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
		});
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** Public with a public constructor: the host instantiates it by class name. */
	public static final class ProblemErrorReportValve extends ErrorReportValve {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			String instance = (request.getRequestURI() != null) ? request.getRequestURI() : "/";
			Problem problem = Problem.of(ErrorCode.forStatus(status), instance);
			try {
				// JSON is UTF-8 by definition: bytes, no charset parameter,
				// as elsewhere in the API
				response.setContentType(Problem.MEDIA_TYPE);
				ResponseHeaders.SECURITY.forEach(response::setHeader);
				response.getOutputStream().write(JSON.writeValueAsBytes(problem));
				response.finishResponse();
			}
			catch (IOException | IllegalStateException ex) {
				// the client is gone or the response is committed: nothing more to say
			}
		}

	}

}
