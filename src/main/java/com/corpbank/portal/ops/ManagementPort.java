package com.corpbank.portal.ops;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The port of the separate management server ({@code management.server.port}, e.g. 8081 in infra/k8s), once it
 * listens; none while Actuator shares the application's port. The Prometheus scrape is allowed on that port only: it
 * is reached inside the cluster (the pod's port, scraped by Prometheus) and never routed by the public Service.
 */
@Component
public class ManagementPort implements ApplicationListener<WebServerInitializedEvent> {

	/** The server namespace Boot gives the management server's own context. */
	private static final String MANAGEMENT_NAMESPACE = "management";

	private volatile int port = -1;

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (MANAGEMENT_NAMESPACE.equals(event.getApplicationContext().getServerNamespace())) {
			this.port = event.getWebServer().getPort();
		}
	}

	/** Whether a separate management server listens. */
	public boolean isSeparate() {
		return this.port > 0;
	}

	/** Requests that came in on the separate management server; none when there is no such server. */
	public RequestMatcher requests() {
		return (HttpServletRequest request) -> this.port > 0 && request.getLocalPort() == this.port;
	}

}
