package com.corpbank.portal.graphiql;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The page's scripts, styles, fonts and Monaco workers, from the classpath folder the build wrote them to. */
@Configuration(proxyBeanMethods = false)
class GraphiQlAssets implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		// Vite puts a content hash in every asset name, so a name never changes meaning: cache for good.
		registry.addResourceHandler("/graphiql/assets/**")
			.addResourceLocations("classpath:/portal-graphiql/assets/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
	}

}
