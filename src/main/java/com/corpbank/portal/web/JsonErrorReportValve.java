package com.corpbank.portal.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;

/**
 * Tomcat's last word, for the errors it answers itself before Spring sees the request (an unparseable request line,
 * an encoded slash or {@code ..;} in the path, an unsupported HTTP version): the same small JSON as every other
 * refusal instead of Tomcat's HTML page.
 */
public class JsonErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		int status = response.getStatus();
		// As Tomcat's own: only an error the container was asked to send (sendError), not yet reported, with no body
		// yet; a bare status (the 401 of a refused token) stays bare.
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		try {
			response.setContentType("application/json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(new String(HttpErrors.body(status, HttpErrors.codeOf(status), HttpErrors.messageOf(status),
						Map.of()), StandardCharsets.UTF_8));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The connection is gone or the response already started: nothing more can be said.
		}
	}

}
