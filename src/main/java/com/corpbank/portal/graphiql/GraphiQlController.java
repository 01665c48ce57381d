package com.corpbank.portal.graphiql;

import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import com.corpbank.portal.security.SecurityProperties;

/**
 * Serves the GraphiQL page and the settings it signs in with. The page is public (it signs itself in); everything
 * it then asks of the API carries the user's bearer token.
 */
@Controller
class GraphiQlController {

	/**
	 * Vite writes the page here (the pom's graphiql-build execution); absent when built with -Dfrontend.skip. Not
	 * {@code graphiql/}: Spring for GraphQL's jar has its stock CDN page there.
	 */
	static final String PAGE = "portal-graphiql/index.html";

	private final Resource page = new ClassPathResource(PAGE);

	private final GraphiQlPageConfig config;

	GraphiQlController(SecurityProperties security, GraphiQlProperties properties,
			@Value("${spring.graphql.http.path:/graphql}") String graphqlPath) {
		KeycloakRealm realm = KeycloakRealm.ofIssuer(security.issuerUri());
		this.config = new GraphiQlPageConfig(
				new GraphiQlPageConfig.Keycloak(realm.url(), realm.realm(), properties.clientId()), graphqlPath,
				graphqlPath + "/schema");
	}

	@GetMapping({ "/graphiql", "/graphiql/" })
	ResponseEntity<?> page() {
		if (!this.page.exists()) {
			return ResponseEntity.status(404)
				.contentType(MediaType.TEXT_PLAIN)
				.body("GraphiQL is not part of this build: it was built with -Dfrontend.skip=true.\n");
		}
		// The page names its hashed assets: it must be revalidated so that a new release is picked up.
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noCache())
			.body(this.page);
	}

	@GetMapping(path = "/graphiql/config.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<GraphiQlPageConfig> config() {
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(0, TimeUnit.SECONDS).mustRevalidate())
			.body(this.config);
	}

}
