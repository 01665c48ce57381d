package com.corpbank.portal.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Replaces Boot's error controller: every error the container or Spring MVC sends (unknown path, wrong method,
 * a failure in a filter) is answered with the same small JSON as the edge's own refusals, whatever the request
 * accepts, with no path, exception or trace. Boot's controller answered a direct {@code GET /error} with HTTP 500
 * (no error status to report); here that is a 404 like any path with nothing behind it.
 */
@Controller
class PortalErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(PortalErrorController.class);

	@RequestMapping("${server.error.path:/error}")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (code instanceof Integer value) ? value : HttpServletResponse.SC_NOT_FOUND;
		if (status >= 500) {
			log.warn("HTTP {} for {} {}", status, request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
					request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable ex
							? ex.toString() : "");
		}
		HttpErrors.write(response, status, HttpErrors.codeOf(status), HttpErrors.messageOf(status));
	}

}
