package com.corpbank.portal.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** The GraphQL runtime pieces shared by every feature: scalars. */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

	@Bean
	RuntimeWiringConfigurer portalScalars() {
		return wiring -> wiring.scalar(DecimalScalar.INSTANCE).scalar(DateScalar.INSTANCE);
	}

}
