package com.corpbank.portal.manager;

import java.util.function.Function;
import java.util.stream.Collectors;

import com.corpbank.portal.graphql.LoaderFields;
import com.corpbank.portal.org.OrgUnit;
import com.corpbank.portal.org.OrgUnitRepository;
import graphql.schema.idl.RuntimeWiring;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Fields of {@code RelationshipManager}: {@code team} is loaded for all managers of a response at once, by team code,
 * and wired as a {@link LoaderFields} field (a page asks for it once per primary and co-RM).
 */
@Controller
class RelationshipManagerController implements RuntimeWiringConfigurer {

	private static final String TEAMS_BY_CODE = "teamsByCode";

	RelationshipManagerController(OrgUnitRepository orgUnits, BatchLoaderRegistry loaders) {
		loaders.<String, OrgUnit>forName(TEAMS_BY_CODE)
			.registerMappedBatchLoader((codes, environment) -> Mono.fromCallable(() -> orgUnits.findAllById(codes)
				.stream()
				.collect(Collectors.toMap(OrgUnit::code, Function.identity()))));
	}

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("RelationshipManager", type -> type.dataFetcher("team",
				LoaderFields.<RelationshipManager, String, OrgUnit>one(TEAMS_BY_CODE, OrgUnit.class,
						RelationshipManager::teamCode)));
	}

}
